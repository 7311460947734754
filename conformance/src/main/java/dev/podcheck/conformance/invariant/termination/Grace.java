package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * termination/grace (SEMANTICS T-7, INV-17). killContainer spends whole seconds of the grace on
 * preStop and on the sidecar wait, then gives the runtime what is left, at least 2 s. Whole seconds
 * truncate, so subtracting the whole seconds from the stop's start to SIGTERM can only lower the
 * bound: SIGKILL ≥ SIGTERM + max(grace − ⌊(SIGTERM − stop start) / 1 s⌋, 2) s.
 */
public final class Grace implements Invariant {
    static final String MESSAGE = "%s got SIGKILL at %d ms, %d ms after SIGTERM at %d ms; a stop begun at %d ms with a "
            + "grace of at least %d s leaves it %d s";

    @Override
    public String id() {
        return "termination/grace";
    }

    @Override
    public String must() {
        return "A container MUST get SIGKILL no sooner than max(the grace left after preStop and the sidecar wait, "
                + "2 s) after its SIGTERM.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer; pod_workers.go "
                + "calculateEffectiveGracePeriod; SEMANTICS T-6, T-7, INV-17";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.SIGNALS, Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof SignalSent kill) || kill.signal() != TraceEvent.Signal.SIGKILL) {
                continue;
            }
            String c = kill.container();
            int killIndex = i;
            Optional<SignalSent> term = Stops.latestBefore(trial.trace(), i, SignalSent.class,
                    s -> Stops.isSignal(s, c, TraceEvent.Signal.SIGTERM));
            if (term.isEmpty()) {
                continue; // termination/minimum-two-seconds reports a SIGKILL without SIGTERM
            }
            int termIndex = events.indexOf(term.get());
            Optional<KubeletEvent> killing = Stops.latestBefore(trial.trace(), termIndex, KubeletEvent.class,
                    k -> Stops.isKilling(k, c));
            long stopStart = killing.map(KubeletEvent::at).orElse(term.get().at());
            long grace = killing.map(k -> Stops.leastGraceSeconds(trial.scenario().pod().spec(), trial.trace(), k, killIndex))
                    .orElse(0L);
            long left = Math.max(grace - (term.get().at() - stopStart) / 1000, Stops.MINIMUM_GRACE_SECONDS);
            long gap = kill.at() - term.get().at();
            if (gap + trial.toleranceMillis() < Int64.millisOfSeconds(left)) {
                return Verdict.violated(String.format(MESSAGE, c, kill.at(), gap, term.get().at(), stopStart, grace,
                        left), killing.isPresent() ? List.of(killing.get(), term.get(), kill) : List.of(term.get(), kill));
            }
        }
        return Verdict.HOLDS;
    }
}
