package dev.podcheck.conformance.differential;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One fact on which a target is compared with the reference: what Kubernetes promises, never an
 * absolute time since the pod's creation. Each has a stable id (reports, JUnit names and
 * known-deviation files cite it), one MUST sentence, and the tolerance it allows; the table in
 * docs/differential.md is this enum.
 *
 * <p>Stability: experimental; ids are stable.
 */
public enum Fact {
    INIT_ORDER("differs/init-order",
            "An init container MUST complete before the next init container and every regular container first start.",
            "the clock resolution: two steps closer than it may show either order"),
    SIDECAR_ORDER("differs/sidecar-order",
            "A sidecar MUST start before the containers after it start, and at termination MUST stop after every "
                    + "regular container, sidecars in reverse order.",
            "the clock resolution: two steps closer than it may show either order"),
    START_INTERVAL("differs/start-interval",
            "A container MUST first start as long after its cause (the pod's creation, the previous init "
                    + "container's completion, the previous sidecar's start) as in the reference, and MUST start "
                    + "where the reference starts it.",
            "+ reaction + start latency (+ pod start latency after the pod's creation), ± the previous sidecar's "
                    + "startup probe period (the ticker's phase), ± clock resolution; nothing starts after the deletion"),
    RUN_TIME("differs/run-time",
            "A container instance MUST run from its own start to its exit as long as in the reference (its "
                    + "behaviour, or the probe that kills it).",
            "+ reaction, ± the period of its liveness and startup probes (the ticker's phase), ± clock resolution"),
    EXIT_CODE("differs/exit-code",
            "An instance that ends for the same cause as in the reference (on its own, or stopped after the "
                    + "deletion) MUST end with the same exit code.",
            "none"),
    RESTART_INTERVAL("differs/restart-interval",
            "A restart MUST follow the exit it follows after the kubelet's back-off (at once, then 10 s doubling "
                    + "to 300 s), as in the reference.",
            "+ reaction + start latency (+ back-off resync when there was a back-off), ± clock resolution"),
    RESTART_COUNT("differs/restart-count",
            "status.restartCount at the end of the window MUST count the reference's restarts that were due on "
                    + "the target, and no more than the reference made.",
            "a restart is due when its exit on the target plus its interval's upper bound is inside the window"),
    STOP_INTERVAL("differs/stop-interval",
            "After the deletion request, a container running at it (the same instance on both sides) MUST stop "
                    + "as long after it as in the "
                    + "reference: at its SIGTERM response, or by SIGKILL when the grace period ends (a sidecar: "
                    + "measured from the stop of the containers the reference shows it outlived).",
            "+ reaction + start latency, ± clock resolution"),
    REMOVAL("differs/removal",
            "The pod object MUST be removed after its last container stopped (after the deletion request when "
                    + "none ran), as long after it as in the reference.",
            "+ reaction + event batching, ± clock resolution"),
    PHASE("differs/phase",
            "The pod's last phase and its reason MUST be the reference's, unless the target was still on its way "
                    + "there (an effect not yet due) when the window closed.",
            "none on the value"),
    READY("differs/ready",
            "A container instance MUST become ready as long after its own start as in the reference (its "
                    + "readiness probe), or stay not ready where the reference does; the pod's Ready follows from them.",
            "+ reaction + event batching, ± its readiness and startup probes' periods (the ticker's phase), "
                    + "- (successThreshold - 1) readiness periods (a run at every SyncPod while not ready), ± clock resolution"),
    QOS_CLASS("differs/qos-class",
            "status.qosClass MUST be the class the reference computes from the pod's requests and limits.",
            "none");

    private final String id;
    private final String must;
    private final String tolerance;

    Fact(String id, String must, String tolerance) {
        this.id = id;
        this.must = must;
        this.tolerance = tolerance;
    }

    public String id() {
        return id;
    }

    /** What the fact promises, in one MUST sentence. */
    public String must() {
        return must;
    }

    /** What a target's timing may add to it, in words. */
    public String tolerance() {
        return tolerance;
    }

    public static Optional<Fact> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** "differs/init-order, differs/sidecar-order, ...": for messages that must say which ids exist. */
    public static String ids() {
        return Arrays.stream(values()).map(Fact::id).collect(Collectors.joining(", "));
    }
}
