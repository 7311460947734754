package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.HookStarted;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * termination/prestop-before-sigterm (SEMANTICS T-7.2): with a grace above 0, killContainer runs
 * preStop and waits for it, up to the grace, before StopContainer sends the stop signal.
 */
public final class PreStopBeforeSigterm implements Invariant {
    static final String NOT_RUN = "%s got SIGTERM at %d ms without its preStop hook since the stop began at %d ms";
    static final String NOT_WAITED = "%s got SIGTERM at %d ms while its preStop hook, started at %d ms, still ran "
            + "within the grace of at least %d s";

    @Override
    public String id() {
        return "termination/prestop-before-sigterm";
    }

    @Override
    public String must() {
        return "A container with a preStop hook MUST get SIGTERM only after that hook, started for this stop, has "
                + "finished or has used up the stop's grace period.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer, executePreStopHook; SEMANTICS T-7";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.SIGNALS, Observation.HOOKS, Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        Set<String> withPreStop = spec.allContainers()
                .filter(c -> c.lifecycle() != null && c.lifecycle().preStop() != null)
                .map(Container::name).collect(Collectors.toSet());
        Trace trace = trial.trace();
        List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof SignalSent s && s.signal() == TraceEvent.Signal.SIGTERM
                    && withPreStop.contains(s.container())) {
                Verdict v = judge(spec, trace, i, s, trial.toleranceMillis());
                if (v != Verdict.HOLDS) {
                    return v;
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict judge(PodSpec spec, Trace trace, int index, SignalSent sigterm, long tolerance) {
        String c = sigterm.container();
        Optional<KubeletEvent> killing = Stops.latestBefore(trace, index, KubeletEvent.class, k -> Stops.isKilling(k, c));
        if (killing.isEmpty()) {
            return Verdict.HOLDS; // a stop the kubelet did not announce: nothing to measure from
        }
        long grace = Stops.leastGraceSeconds(spec, trace, killing.get(), index);
        if (grace <= 0) {
            return Verdict.HOLDS; // killContainer skips preStop with no grace
        }
        Optional<HookStarted> started = Stops.latestBefore(trace, index, HookStarted.class,
                h -> h.container().equals(c) && h.hook() == Hook.preStop);
        if (started.isEmpty() || started.get().at() < killing.get().at()) {
            return Verdict.violated(String.format(NOT_RUN, c, sigterm.at(), killing.get().at()), killing.get(), sigterm);
        }
        Optional<HookFinished> finished = Stops.latestBefore(trace, index, HookFinished.class,
                h -> h.container().equals(c) && h.hook() == Hook.preStop && h.at() >= started.get().at());
        boolean graceUsed = sigterm.at() + tolerance >= Int64.plus(started.get().at(), Int64.millisOfSeconds(grace));
        if (finished.isEmpty() && !graceUsed) {
            return Verdict.violated(String.format(NOT_WAITED, c, sigterm.at(), started.get().at(), grace),
                    started.get(), sigterm);
        }
        return Verdict.HOLDS;
    }
}
