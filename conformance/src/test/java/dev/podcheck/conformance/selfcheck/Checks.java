package dev.podcheck.conformance.selfcheck;

import static dev.podcheck.conformance.selfcheck.Direction.PROGRESS;
import static dev.podcheck.conformance.selfcheck.Direction.SAFETY;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each catalogue invariant checks, read from its MUST sentence: the direction(s), and the
 * features a trial needs for the invariant to have something to judge. CoverageTest fails when an
 * invariant of the catalogue is missing here.
 */
final class Checks {
    /** One invariant's directions and the features that exercise it. */
    record Check(Set<Direction> directions, List<String> features) {
        Check {
            directions = Set.copyOf(directions);
            features = List.copyOf(features);
        }
    }

    static final Set<Direction> SAFE = Set.of(SAFETY);
    static final Set<Direction> PROGRESSES = Set.of(PROGRESS);
    static final Set<Direction> BOTH = Set.of(SAFETY, PROGRESS);

    static final Map<String, Check> BY_INVARIANT = Map.ofEntries(
            Map.entry("trace/well-formed", new Check(SAFE, List.of("restart"))),
            Map.entry("init/order", new Check(SAFE, List.of("init-containers", "sidecars"))),
            Map.entry("init/next-starts", new Check(PROGRESSES, List.of("init-containers", "sidecars"))),
            Map.entry("init/one-at-a-time", new Check(SAFE, List.of("init-containers"))),
            Map.entry("init/completed-never-reruns", new Check(SAFE, List.of("init-containers", "init-container-restart"))),
            Map.entry("sidecar/stop-order", new Check(SAFE, List.of("sidecars", "pod-stop-kill"))),
            Map.entry("sidecar/always-restart", new Check(PROGRESSES, List.of("sidecar-restart"))),
            Map.entry("restart/always", new Check(PROGRESSES, List.of("restartPolicy=Always", "restart"))),
            Map.entry("restart/backoff", new Check(BOTH, List.of("crash-loop-back-off", "run-past-the-back-off-reset"))),
            Map.entry("restart/backoff-cap", new Check(SAFE, List.of("back-off-at-its-cap"))),
            Map.entry("restart/count-monotone", new Check(SAFE, List.of("restart"))),
            Map.entry("restart/crashloop-has-last-state", new Check(SAFE, List.of("crash-loop-back-off"))),
            Map.entry("restart/never", new Check(SAFE, List.of("restartPolicy=Never"))),
            Map.entry("restart/on-failure", new Check(SAFE, List.of("restartPolicy=OnFailure", "exit-0"))),
            Map.entry("restart/on-failure-restarts", new Check(PROGRESSES, List.of("restartPolicy=OnFailure",
                    "exit-own-non-zero", "init-container-restart"))),
            Map.entry("phase/pending-until-running", new Check(BOTH, List.of("init-containers", "sidecars"))),
            Map.entry("phase/follows-containers", new Check(BOTH, List.of("init-containers", "sidecars",
                    "restartPolicy=Never", "restartPolicy=OnFailure"))),
            Map.entry("phase/no-return-to-pending", new Check(SAFE, List.of("restart", "deletion"))),
            Map.entry("phase/no-terminal-while-running", new Check(SAFE, List.of("restartPolicy=Never",
                    "restartPolicy=OnFailure"))),
            Map.entry("phase/succeeded", new Check(SAFE, List.of("exit-0"))),
            Map.entry("phase/failed", new Check(SAFE, List.of("exit-own-non-zero", "deadline-exceeded", "eviction"))),
            Map.entry("phase/terminal-is-final", new Check(SAFE, List.of("restartPolicy=Never", "deletion"))),
            Map.entry("probe/initial-delay", new Check(SAFE, List.of("liveness-probe", "readiness-probe"))),
            Map.entry("probe/liveness-threshold", new Check(SAFE, List.of("liveness-kill"))),
            Map.entry("probe/startup-threshold", new Check(SAFE, List.of("startup-kill"))),
            Map.entry("probe/started-after-startup", new Check(PROGRESSES, List.of("startup-probe"))),
            Map.entry("probe/readiness-never-kills", new Check(SAFE, List.of("readiness-lost"))),
            Map.entry("probe/readiness-threshold", new Check(BOTH, List.of("readiness-probe", "readiness-lost"))),
            Map.entry("probe/startup-gates-others", new Check(SAFE, List.of("startup-probe"))),
            Map.entry("probe/kill-at-threshold", new Check(PROGRESSES, List.of("liveness-kill", "startup-kill"))),
            Map.entry("status/every-container", new Check(SAFE, List.of("init-containers", "sidecars"))),
            Map.entry("status/initialized", new Check(BOTH, List.of("init-containers", "sidecars"))),
            Map.entry("status/readiness-conditions", new Check(BOTH, List.of("readiness-probe", "sidecars"))),
            Map.entry("status/ready-implies-started", new Check(SAFE, List.of("startup-probe", "readiness-probe"))),
            Map.entry("status/not-ready-before-readiness", new Check(SAFE, List.of("readiness-probe"))),
            Map.entry("status/containers-ready", new Check(SAFE, List.of("readiness-probe", "readiness-gates"))),
            Map.entry("status/ready-once-gates-true", new Check(PROGRESSES, List.of("readiness-gates"))),
            Map.entry("status/termination-message-limits", new Check(SAFE, List.of("termination-message"))),
            Map.entry("status/termination-message-reported", new Check(PROGRESSES, List.of("termination-message",
                    "log-at-the-line-limit"))),
            Map.entry("qos/class", new Check(SAFE, List.of("resources"))),
            Map.entry("termination/exit-codes", new Check(SAFE, List.of("exit-137", "exit-143"))),
            Map.entry("termination/oom-killed", new Check(SAFE, List.of("oom-kill"))),
            Map.entry("image/pull-back-off", new Check(SAFE, List.of("failed-pull"))),
            Map.entry("image/pull-retried", new Check(PROGRESSES, List.of("failed-pull"))),
            Map.entry("image/pull-policy", new Check(SAFE, List.of("pull-policy-never", "image-pull"))),
            Map.entry("update/image-change-restarts", new Check(PROGRESSES, List.of("image-update"))),
            Map.entry("update/restart-only-on-change", new Check(SAFE, List.of("image-update", "update-refused"))),
            Map.entry("termination/minimum-two-seconds", new Check(SAFE, List.of("pod-stop-kill"))),
            Map.entry("termination/stopped-within-grace", new Check(PROGRESSES, List.of("pod-stop-kill",
                    "liveness-kill"))),
            Map.entry("termination/prestop-before-sigterm", new Check(SAFE, List.of("preStop",
                    "preStop-longer-than-grace"))),
            Map.entry("termination/grace", new Check(SAFE, List.of("pod-stop-kill", "deletion-grace-longer-than-pod's",
                    "deletion-grace-shorter-than-pod's"))),
            Map.entry("termination/removal-bound", new Check(BOTH, List.of("deletion", "pod-removed"))),
            Map.entry("termination/force-at-once", new Check(PROGRESSES, List.of("deletion-grace-shorter-than-pod's"))),
            Map.entry("deadline/active-deadline", new Check(BOTH, List.of("active-deadline", "deadline-exceeded"))),
            Map.entry("eviction/only-under-pressure", new Check(SAFE, List.of("node-pressure", "priority"))),
            Map.entry("eviction/evicted-status", new Check(PROGRESSES, List.of("eviction"))),
            Map.entry("finalizer/holds-removal", new Check(SAFE, List.of("finalizers"))),
            Map.entry("finalizer/final-status-readable", new Check(PROGRESSES, List.of("finalizers", "deletion"))),
            Map.entry("finalizer/removed-once-released", new Check(PROGRESSES, List.of("finalizers", "pod-removed"))),
            Map.entry("node/restart-keeps-containers", new Check(SAFE, List.of("kubelet-restart"))),
            Map.entry("node/probes-start-again", new Check(SAFE, List.of("kubelet-restart", "readiness-probe",
                    "startup-probe"))),
            Map.entry("node/restart-forgets-back-off", new Check(PROGRESSES, List.of("kubelet-restart",
                    "crash-loop-back-off"))),
            Map.entry("node/sandbox-recreated", new Check(PROGRESSES, List.of("sandbox-loss", "sandbox-created"))),
            Map.entry("node/no-sandbox-under-never", new Check(SAFE, List.of("sandbox-loss", "restartPolicy=Never"))),
            Map.entry("node/init-reruns-after-sandbox-loss", new Check(SAFE, List.of("sandbox-created",
                    "init-containers"))),
            Map.entry("pressure/ranked", new Check(SAFE, List.of("node-scenario", "evictions-on-one-node"))),
            Map.entry("disk/ranked", new Check(SAFE, List.of("disk-pressure", "disk-eviction"))),
            Map.entry("disk/only-under-pressure", new Check(SAFE, List.of("disk-pressure", "disk-eviction"))),
            Map.entry("disk/evicts-while-lasting", new Check(PROGRESSES, List.of("disk-pressure", "disk-eviction"))),
            Map.entry("pid/ranked", new Check(SAFE, List.of("pid-pressure", "pid-eviction"))),
            Map.entry("pid/only-under-pressure", new Check(SAFE, List.of("pid-pressure", "pid-eviction"))),
            Map.entry("pid/evicts-while-lasting", new Check(PROGRESSES, List.of("pid-pressure", "pid-eviction"))),
            Map.entry("pressure/one-pod-a-pass", new Check(SAFE, List.of("evictions-on-one-node"))),
            Map.entry("pressure/evicts-while-lasting", new Check(PROGRESSES, List.of("node-pressure",
                    "evictions-on-one-node"))),
            Map.entry("localstorage/only-over-limit", new Check(SAFE, List.of("ephemeral-storage-limit",
                    "local-storage-eviction", "emptyDir-sizeLimit", "emptyDir-eviction"))),
            Map.entry("localstorage/evicts-over-limit", new Check(PROGRESSES, List.of("ephemeral-storage-limit",
                    "local-storage-eviction", "emptyDir-sizeLimit", "emptyDir-eviction"))));

    private Checks() {}
}
