package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * restart/backoff-cap (SEMANTICS ): the delay the kubelet reports while a container
 * waits in CrashLoopBackOff ("back-off 40s restarting failed container=...") never exceeds
 * MaxContainerBackOff. Reading the reported delay catches an uncapped back-off long before a
 * start could show it.
 */
public final class BackOffCap implements Invariant {
    static final String MESSAGE = "%s reports a back-off of %d s at %d ms, above the cap of %d s";
    /** kubelet.go MaxContainerBackOff (v1beta1.MaxContainerBackOff); gates may only lower it. */
    static final long CAP_SECONDS = 300;
    private static final Pattern DELAY = Pattern.compile("^back-off (?:(\\d+)m)?(?:(\\d+)s)? restarting failed container");

    @Override
    public String id() {
        return "restart/backoff-cap";
    }

    @Override
    public String must() {
        return "The crash-loop back-off a waiting container reports MUST never exceed 300 seconds.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kubelet.go MaxContainerBackOff; kuberuntime_manager.go doBackOff; SEMANTICS R-5, R-7, R-8";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        for (ContainerStatusChanged e : trial.index().all(ContainerStatusChanged.class)) {
            Optional<Long> delay = reported(e.status().state());
            if (delay.isPresent() && delay.get() > CAP_SECONDS) {
                return Verdict.violated(String.format(MESSAGE, e.status().name(), delay.get(), e.at(), CAP_SECONDS), e);
            }
        }
        return Verdict.HOLDS;
    }

    /** The delay in a CrashLoopBackOff message, in seconds; Go prints durations like 40s, 5m0s. */
    static Optional<Long> reported(ContainerState state) {
        if (!(state instanceof ContainerState.Waiting w) || !"CrashLoopBackOff".equals(w.reason())) {
            return Optional.empty();
        }
        Matcher m = DELAY.matcher(w.message());
        if (!m.find() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long seconds = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Optional.of(minutes * 60 + seconds);
    }
}
