package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * termination/minimum-two-seconds (SEMANTICS T-7.4, DISC-1): whatever the grace, even 0 or a force
 * delete, StopContainer gets a timeout of at least 2 s, so SIGKILL never follows SIGTERM sooner.
 */
public final class MinimumTwoSeconds implements Invariant {
    static final String NO_SIGTERM = "%s got SIGKILL at %d ms without a SIGTERM before it";
    static final String TOO_SOON = "%s got SIGKILL at %d ms, %d ms after SIGTERM; the runtime must wait at least 2 s";

    @Override
    public String id() {
        return "termination/minimum-two-seconds";
    }

    @Override
    public String must() {
        return "A container MUST get SIGKILL only at least 2 seconds after the SIGTERM of the same stop.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer (minimumGracePeriodInSeconds); "
                + "SEMANTICS T-7, DISC-1";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.SIGNALS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof SignalSent kill) || kill.signal() != TraceEvent.Signal.SIGKILL) {
                continue;
            }
            Optional<SignalSent> term = Stops.latestBefore(trial.trace(), i, SignalSent.class,
                    s -> Stops.isSignal(s, kill.container(), TraceEvent.Signal.SIGTERM));
            if (term.isEmpty()) {
                return Verdict.violated(String.format(NO_SIGTERM, kill.container(), kill.at()), kill);
            }
            long gap = kill.at() - term.get().at();
            if (gap + trial.toleranceMillis() < Stops.MINIMUM_GRACE_SECONDS * 1000) {
                return Verdict.violated(String.format(TOO_SOON, kill.container(), kill.at(), gap), term.get(), kill);
            }
        }
        return Verdict.HOLDS;
    }
}
