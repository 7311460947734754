package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.engine.Profile;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Kubernetes release the reference engine plays against a cluster: the one asked for with
 * {@code --kubernetes-version} (the engine's default profile unless told), or with {@code auto} the one
 * the cluster reports (GET /version). A cluster on another release than the one played is told to the
 * user: the engine's prediction is then of another kubelet.
 */
final class ServerVersion {
    static final String AUTO = "auto";

    private ServerVersion() {}

    /** Checks what {@code --kubernetes-version} was given before anything connects: auto, or a release the engine models. */
    static String checked(String asked) {
        if (!asked.equals(AUTO)) {
            Profile.of(asked);
        }
        return asked;
    }

    /**
     * @param asked what {@code --kubernetes-version} says: null for the engine's default, {@code auto}, or 1.N
     * @param warn  where the user is told that the cluster runs another release
     */
    static Profile profile(KubernetesClient client, String asked, Consumer<String> warn) throws TargetException {
        Optional<String> server = of(client);
        if (AUTO.equals(asked)) {
            String version = server.orElseThrow(() -> new TargetException("--kubernetes-version auto: the cluster does not say"
                    + " its version (GET /version); name the release, e.g. --kubernetes-version " + Profile.DEFAULT.version(), null));
            try {
                return Profile.of(version);
            } catch (IllegalArgumentException e) {
                throw new TargetException("--kubernetes-version auto: the cluster runs Kubernetes " + version + ", and "
                        + e.getMessage(), null);
            }
        }
        Profile played = asked == null ? Profile.DEFAULT : Profile.of(asked);
        if (server.isEmpty()) {
            warn.accept("the cluster does not say its Kubernetes version (GET /version); the reference engine plays "
                    + played.version());
        } else if (!server.get().equals(played.version())) {
            warn.accept("the cluster runs Kubernetes " + server.get() + ", the reference engine plays " + played.version()
                    + ": differences may be the releases' (--kubernetes-version auto plays the cluster's)");
        }
        return played;
    }

    /**
     * The release an audit holds a cluster's pods to: the cluster's own when the engine models it, else the
     * default, and the user is told.
     */
    static Profile audited(KubernetesClient client, Consumer<String> warn) {
        Optional<String> server = of(client);
        if (server.isEmpty()) {
            warn.accept("the cluster does not say its Kubernetes version (GET /version); the pods are held to "
                    + Profile.DEFAULT.version() + "'s rules");
            return Profile.DEFAULT;
        }
        try {
            return Profile.of(server.get());
        } catch (IllegalArgumentException e) {
            warn.accept("the cluster runs Kubernetes " + server.get() + ", which podcheck does not model; the pods are held"
                    + " to " + Profile.DEFAULT.version() + "'s rules");
            return Profile.DEFAULT;
        }
    }

    /** The cluster's release as 1.N; a managed cluster may write its minor version as "34+". */
    static Optional<String> of(KubernetesClient client) {
        VersionInfo info;
        try {
            info = client.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
        if (info == null || info.getMajor() == null || info.getMinor() == null) {
            return Optional.empty();
        }
        String minor = info.getMinor().replaceAll("[^0-9].*$", "");
        return minor.isEmpty() ? Optional.empty() : Optional.of(info.getMajor().replaceAll("[^0-9]", "") + "." + minor);
    }
}
