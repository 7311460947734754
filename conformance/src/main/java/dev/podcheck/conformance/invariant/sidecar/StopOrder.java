package dev.podcheck.conformance.invariant.sidecar;

import dev.podcheck.spec.pod.Int64;
import static dev.podcheck.conformance.invariant.TraceQueries.inOrder;
import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.termination.Stops;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * sidecar/stop-order (SEMANTICS T-8, INV-18, T-6, T-7). When the pod is stopped,
 * killContainersWithSyncResult builds a termination ordering over the containers running then:
 * each sidecar waits, after its preStop, until every regular container and the sidecar defined
 * after it have terminated (killContainer returned), or until its own grace is spent. A pod stop is
 * the kill with killPod's message ("Stopping container"); a probe kill of a sidecar does not wait.
 * The grace is bounded from below: the pod's (at least 1 s, T-6), or a shorter DELETE (at least
 * 1 s) or an eviction (1 s, E-6) before the signal. preStop and the wait together take at least the
 * grace when the wait ran out, so a signal sooner than the stop's start plus that grace was owed
 * to the order.
 */
public final class StopOrder implements Invariant {
    static final String MESSAGE = "sidecar %s got SIGTERM at %d ms while %s, running when the pod stop began at %d ms, "
            + "ran until %d ms; its grace of at least %d s was not spent";

    @Override
    public String id() {
        return "sidecar/stop-order";
    }

    @Override
    public String must() {
        return "During a pod stop, a sidecar MUST get SIGTERM only after every regular container and every later "
                + "sidecar that ran when the stop began has terminated, or once its grace period has run out.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_termination_order.go newTerminationOrdering, waitForTurn; "
                + "kuberuntime_container.go killContainer; KEP-753; SEMANTICS T-8, INV-18";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.SIGNALS, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        List<Container> sidecars = spec.sidecars();
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof SignalSent term) || term.signal() != TraceEvent.Signal.SIGTERM) {
                continue;
            }
            int index = indexOf(sidecars, term.container());
            if (index < 0) {
                continue;
            }
            Optional<KubeletEvent> stop = podStopKilling(events, i, term.container());
            if (stop.isEmpty()) {
                continue; // a probe or postStart kill: no ordering
            }
            List<Container> awaited = new ArrayList<>(spec.containers());
            awaited.addAll(sidecars.subList(index + 1, sidecars.size()));
            Verdict v = judge(trial, term, stop.get(), awaited, Stops.leastGraceSeconds(spec, trial.trace(), stop.get(), i));
            if (v != Verdict.HOLDS) {
                return v;
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict judge(Observed trial, SignalSent term, KubeletEvent stop, List<Container> awaited,
                                 long graceSeconds) {
        long tolerance = trial.toleranceMillis();
        if (term.at() + tolerance >= Int64.plus(stop.at(), Int64.millisOfSeconds(graceSeconds))) {
            return Verdict.HOLDS; // the wait may have run out
        }
        for (Container c : awaited) {
            for (Run run : runs(trial, c.name())) {
                boolean runningAtStop = run.startedAt() <= stop.at() && run.exit() != null
                        && run.exit().finishedAt() > stop.at();
                if (runningAtStop && run.exit().finishedAt() > term.at() + tolerance) {
                    return Verdict.violated(String.format(MESSAGE, term.container(), term.at(), c.name(), stop.at(),
                            run.exit().finishedAt(), graceSeconds), inOrder(stop, term, run.exitShown()));
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** The latest Killing of {@code container} before index {@code before}, if it is a pod stop's. */
    private static Optional<KubeletEvent> podStopKilling(List<TraceEvent> events, int before, String container) {
        for (int i = before - 1; i >= 0; i--) {
            if (events.get(i) instanceof KubeletEvent k && k.reason().equals("Killing") && k.container().equals(container)) {
                return k.message().startsWith(RestartDue.POD_STOP_KILLING) ? Optional.of(k) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int indexOf(List<Container> sidecars, String name) {
        for (int i = 0; i < sidecars.size(); i++) {
            if (sidecars.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
