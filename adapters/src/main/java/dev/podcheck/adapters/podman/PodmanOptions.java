package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of {@code --target podman}, added by the command line to the verbs that take a target. */
final class PodmanOptions {
    @Option(names = "--podman", paramLabel = "PATH", defaultValue = "podman",
            description = "The podman binary (default: podman on PATH).")
    String podman;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The busybox-compatible image every rendered container runs (default: "
                    + BusyboxImage.REPOSITORY + ":<version>, built from " + "/bin/busybox (busybox-static) on first use).")
    String image;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the target keeps its containers.conf, podman's events log and each trial's report"
                    + " folder (default: podcheck-podman-<user> in the temporary folder).")
    Path stateDir;

    @Option(names = "--trial-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long podman may take to start a pod's first container before the trial is inconclusive;"
                    + " a pod podman refuses is inconclusive at once (default: ${DEFAULT-VALUE}).")
    Duration trialTimeout;

    /**
     * Scratch for the life of a run, so the temporary folder: nothing in it must outlive a reboot,
     * and a cache folder would keep stale trial folders. One per user, because rootless podman of
     * two users must not share an events log, nor a report folder its containers write to.
     */
    StateDir state() {
        Path root = stateDir != null ? stateDir
                : Path.of(System.getProperty("java.io.tmpdir"), "podcheck-podman-" + System.getProperty("user.name"));
        return new StateDir(root);
    }
}
