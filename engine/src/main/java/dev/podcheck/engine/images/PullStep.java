package dev.podcheck.engine.images;

/**
 * What EnsureImageExists does for a container's start (pkg/kubelet/images/image_manager.go, SEMANTICS
 * IP-2..IP-5): use the image on the node, refuse, wait out the back-off, or pull.
 */
public sealed interface PullStep {
    String image();

    /** Not pulled: the image is on the node (IfNotPresent, Never). Event Pulled. */
    record Present(String image) implements PullStep {
        public String message() {
            return "Container image \"" + image + "\" already present on machine";
        }
    }

    /** Refused: policy Never and the image is not on the node. Waiting ErrImageNeverPull. */
    record NeverPull(String image) implements PullStep {
        public String message() {
            return "Container image \"" + image + "\" is not present with pull policy of Never";
        }
    }

    /** Refused: a pull of this image failed less than its back-off ago. Waiting ImagePullBackOff. */
    record InBackOff(String image) implements PullStep {
        public String message() {
            return "Back-off pulling image \"" + image + "\"";
        }
    }

    /** A pull that takes {@code takesMillis} and then fails (ErrImagePull) or succeeds. */
    record Pull(String image, long takesMillis, boolean fails) implements PullStep {
        public String startMessage() {
            return "Pulling image \"" + image + "\"";
        }

        /**
         * The runtime's error for a failed pull. podcheck's stand-in: containerd words it
         * {@code failed to pull and unpack image "docker.io/...": ...} with the registry's own cause.
         */
        public String error() {
            return "failed to pull and unpack image \"" + image + "\": not found";
        }
    }
}
