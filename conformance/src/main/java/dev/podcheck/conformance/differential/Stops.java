package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Exit;
import dev.podcheck.conformance.differential.Outcome.Instance;
import java.util.List;
import java.util.Optional;

/**
 * What follows the request to stop the pod (deletion, eviction, active deadline):
 * {@link Fact#STOP_INTERVAL} and {@link Fact#EXIT_CODE} for each container running at it on both
 * sides, measured from its cause: the request for a regular or init container, the stop of every
 * regular container and later sidecar for a sidecar (the kubelet stops sidecars only after them,
 * kuberuntime_termination_order.go); {@link Fact#REMOVAL} of the object, measured from the last of
 * those stops (the kubelet removes a pod only once its containers are gone).
 */
final class Stops {
    private Stops() {}

    static void compare(Outcome reference, Outcome target, Freedom freedom, Findings out) {
        if (reference.stoppedAt() == null || target.stoppedAt() == null) {
            return;
        }
        for (ContainerOutcome p : reference.containers()) {
            ContainerOutcome o = target.container(p.name());
            Optional<Instance> ip = runningAtStop(reference, p);
            Optional<Instance> io = o == null ? Optional.empty() : runningAtStop(target, o);
            if (ip.isEmpty() || io.isEmpty()) {
                continue; // not running on one side: its start or run differs, or its stop is not the same stop
            }
            String which = "container " + p.name();
            Long causeP = stopCause(reference, p);
            Long causeO = stopCause(target, o);
            boolean outlived = causeP != null && causeP != reference.stoppedAt().longValue();
            if (outlived && ip.get().exit() != null && ip.get().exit().at() < causeP) {
                // the reference stopped it before the containers it outlives (the grace period ran out for all):
                // its cause was the request on both sides
                causeP = reference.stoppedAt();
                causeO = target.stoppedAt();
                outlived = false;
            }
            if (causeP != null && causeO != null) {
                out.span(Fact.STOP_INTERVAL, p, which + " stopped after " + (outlived
                                ? "the containers it outlives stopped" : "the pod was asked to stop") + " by",
                        stop(reference, ip.get(), causeP), stop(target, io.get(), causeO), freedom.early(),
                        freedom.stop());
            }
            Exit ep = ip.get().exit();
            Exit eo = io.get().exit();
            if (ep != null && eo != null && ep.code() != eo.code()) {
                out.add(Fact.EXIT_CODE, p, which + " exited when stopped with code", Integer.toString(ep.code()),
                        Integer.toString(eo.code()), Integer.toString(ep.code()));
            }
        }
        if (reference.observed().contains(Observation.DELETION)
                && target.observed().contains(Observation.DELETION)) {
            removal(reference, target, freedom, out);
        }
    }

    private static void removal(Outcome reference, Outcome target, Freedom freedom, Findings out) {
        Long causeP = lastStop(reference);
        Long causeO = lastStop(target);
        if (causeP == null || causeO == null) {
            return; // a container still runs on one side: its stop differs, or the window closed first
        }
        out.span(Fact.REMOVAL, null, "the pod was removed after its last container stopped by",
                Span.of(reference.removedAt(), causeP, reference.horizon()),
                Span.of(target.removedAt(), causeO, target.horizon()), freedom.early(), freedom.status());
    }

    /** When the last container running at the stop request ended (the request itself if none ran), or null while one runs. */
    private static Long lastStop(Outcome side) {
        long last = side.stoppedAt();
        for (ContainerOutcome c : side.containers()) {
            Optional<Instance> i = runningAtStop(side, c);
            if (i.isPresent() && i.get().exit() == null) {
                return null;
            }
            if (i.isPresent()) {
                last = Math.max(last, i.get().exit().at());
            }
        }
        return last;
    }

    /** The instance running when the pod was asked to stop: started by then, not exited before. */
    private static Optional<Instance> runningAtStop(Outcome side, ContainerOutcome c) {
        long at = side.stoppedAt();
        return c.instances().stream().filter(i -> i.startedAt() <= at && (i.exit() == null || i.exit().at() >= at))
                .reduce((a, b) -> b);
    }

    private static Span stop(Outcome side, Instance i, long cause) {
        return Span.of(i.exit() == null ? null : i.exit().at(), cause, side.horizon());
    }

    /**
     * What a container's stop follows: the request; for a sidecar, also the stop of every regular
     * container and every sidecar after it that ran then. Null while one of those still runs.
     */
    private static Long stopCause(Outcome side, ContainerOutcome c) {
        long cause = side.stoppedAt();
        if (c.kind() != Outcome.Kind.SIDECAR) {
            return cause;
        }
        List<ContainerOutcome> all = side.containers();
        for (ContainerOutcome x : all.subList(all.indexOf(c) + 1, all.size())) {
            if (x.kind() == Outcome.Kind.INIT) {
                continue;
            }
            Optional<Instance> running = runningAtStop(side, x);
            if (running.isPresent() && running.get().exit() == null) {
                return null;
            }
            if (running.isPresent()) {
                cause = Math.max(cause, running.get().exit().at());
            }
        }
        return cause;
    }
}
