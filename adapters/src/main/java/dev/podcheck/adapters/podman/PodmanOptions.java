package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.spec.behaviour.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The options of {@code --target podman}, added by the command line to the verbs that take a target. */
final class PodmanOptions {
    String podman;
    String image;
    Path stateDir;
    Duration trialTimeout;

    /** Each option with what it sets; the command line applies the defaults of those not given. */
    List<TargetOption> describe() {
        return List.of(
                TargetOption.valued("--podman", "PATH", "podman", "The podman binary (default: podman on PATH).",
                        v -> podman = v).onlyFor(TargetOption.Use.RUN, TargetOption.Use.CLEAN),
                TargetOption.valued("--image", "IMAGE", null,
                        "The busybox-compatible image every rendered container runs (default: "
                                + BusyboxImage.REPOSITORY + ":<version>, built from " + "/bin/busybox (busybox-static) on first use).",
                        v -> image = v).onlyFor(TargetOption.Use.RUN, TargetOption.Use.RENDER),
                TargetOption.valued("--state-dir", "DIR", null,
                        "Where the target keeps its containers.conf, podman's events log and each trial's report"
                                + " folder (default: podcheck-podman-<user> in the temporary folder).",
                        v -> stateDir = Path.of(v)),
                TargetOption.valued("--trial-timeout", "DURATION", "60s",
                        "How long podman may take to start a pod's first container before the trial is inconclusive;"
                                + " a pod podman refuses is inconclusive at once (default: ${DEFAULT-VALUE}).",
                        v -> trialTimeout = Durations.parsePositive(v)).onlyFor(TargetOption.Use.RUN));
    }

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
