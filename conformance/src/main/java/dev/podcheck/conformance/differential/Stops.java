package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Exit;
import dev.podcheck.conformance.differential.Outcome.Instance;
import java.util.List;
import java.util.Optional;

/**
 * What follows the request to stop the pod (deletion, eviction, active deadline):
 * {@link Fact#STOP_INTERVAL} and {@link Fact#EXIT_CODE} for each container whose same instance ran at it on
 * both sides, measured from its cause: the request for a regular or init container, for a sidecar the
 * stop of every container after it that ran then (the kubelet stops sidecars only after the other
 * containers, in reverse order, kuberuntime_termination_order.go); {@link Fact#REMOVAL} of the object, measured from the last of
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
            Optional<Instance> ip = runningAtStop(reference, p, freedom.early());
            Optional<Instance> io = o == null ? Optional.empty() : runningAtStop(target, o, freedom.early());
            if (ip.isEmpty() || io.isEmpty() || p.instances().indexOf(ip.get()) != o.instances().indexOf(io.get())) {
                // Not running on one side, or another instance: its start or run differs (compared as such, within
                // the target's timing), so its stop is not the same stop. Seen on a real kubelet: an instance that
                // exited on its own a moment before a deletion, still being restarted there while the reference had
                // restarted it at once.
                continue;
            }
            String which = "container " + p.name();
            List<String> outlived = outlived(reference, p, ip.get(), freedom.early());
            Long causeP = stopCause(reference, outlived, freedom.early());
            Long causeO = stopCause(target, outlived, freedom.early());
            if (causeP != null && causeO != null) {
                out.span(Fact.STOP_INTERVAL, p, which + " stopped after " + (outlived.isEmpty()
                                ? "the pod was asked to stop" : "the pod was asked to stop and " + outlived + " stopped")
                                + " by",
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
        Long causeP = lastStop(reference, freedom.early());
        Long causeO = lastStop(target, freedom.early());
        if (causeP == null || causeO == null) {
            return; // a container still runs on one side: its stop differs, or the window closed first
        }
        out.span(Fact.REMOVAL, null, "the pod was removed after its last container stopped by",
                Span.of(reference.removedAt(), causeP, reference.horizon()),
                Span.of(target.removedAt(), causeO, target.horizon()), freedom.early(), freedom.status());
    }

    /** When the last container running at the stop request ended (the request itself if none ran), or null while one runs. */
    private static Long lastStop(Outcome side, long resolution) {
        long last = side.stoppedAt();
        for (ContainerOutcome c : side.containers()) {
            Optional<Instance> i = runningAtStop(side, c, resolution);
            if (i.isPresent() && i.get().exit() == null) {
                return null;
            }
            if (i.isPresent()) {
                last = Math.max(last, i.get().exit().at());
            }
        }
        return last;
    }

    /** The instance running when the pod was asked to stop: started by then, not exited on its own before. */
    private static Optional<Instance> runningAtStop(Outcome side, ContainerOutcome c, long resolution) {
        long at = side.stoppedAt();
        return c.instances().stream()
                .filter(i -> i.startedAt() <= at && (i.exit() == null || side.byTheStop(i.exit(), resolution)))
                .reduce((a, b) -> b);
    }

    private static Span stop(Outcome side, Instance i, long cause) {
        return Span.of(i.exit() == null ? null : i.exit().at(), cause, side.horizon());
    }

    /**
     * The containers a sidecar waited for, as the reference shows: those after it in the spec that ran
     * when the pod was asked to stop and stopped no later than it (the kubelet stops sidecars after the
     * other containers, in reverse order; a grace period that runs out, or a pod not yet initialized,
     * stops them all at once).
     */
    private static List<String> outlived(Outcome reference, ContainerOutcome c, Instance running, long resolution) {
        if (c.kind() != Outcome.Kind.SIDECAR || running.exit() == null) {
            return List.of();
        }
        List<ContainerOutcome> all = reference.containers();
        return all.subList(all.indexOf(c) + 1, all.size()).stream().filter(x -> runningAtStop(reference, x, resolution)
                .map(i -> i.exit() != null && i.exit().at() <= running.exit().at()).orElse(false))
                .map(ContainerOutcome::name).toList();
    }

    /** What a stop follows on one side: the request, and the stops of the containers it waited for; null while one runs. */
    private static Long stopCause(Outcome side, List<String> outlived, long resolution) {
        long cause = side.stoppedAt();
        for (String name : outlived) {
            Optional<Instance> running = runningAtStop(side, side.container(name), resolution);
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
