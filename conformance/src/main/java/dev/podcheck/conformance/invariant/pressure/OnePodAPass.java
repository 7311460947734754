package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * pressure/one-pod-a-pass (SEMANTICS NP-3, E-4, NP-6): synchronize evicts at most one pod for node pressure (memory or pids), and the next
 * pass comes only after waitForPodsCleanup's first poll, a second later: two pressure evictions on one node are at
 * least that far apart.
 */
public final class OnePodAPass implements Invariant {
    /** eviction_manager.go podCleanupPollFreq. */
    static final long CLEANUP_POLL_MILLIS = 1_000;
    static final String TOO_CLOSE = "%s was evicted for %s at %d ms and %s at %d ms, less than a pass apart (%d ms)";

    @Override
    public String id() {
        return "pressure/one-pod-a-pass";
    }

    @Override
    public String must() {
        return "The kubelet MUST evict at most one pod for node pressure in a pass of its eviction manager: two such "
                + "evictions on a node MUST be at least its cleanup poll (1 s) apart.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go synchronize (\"we kill at most a single pod during each "
                + "eviction interval\"), Start, waitForPodsCleanup; SEMANTICS NP-3, E-4";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PressureEvictions.Eviction> all = PressureEvictions.pressure(PodOnNode.all(trial)).all();
        long apart = Math.max(0, CLEANUP_POLL_MILLIS - trial.toleranceMillis());
        for (int i = 1; i < all.size(); i++) {
            PressureEvictions.Eviction before = all.get(i - 1);
            PressureEvictions.Eviction after = all.get(i);
            if (after.at() - before.at() < apart) {
                return Verdict.violated(String.format(TOO_CLOSE, before.pod().name(), before.event().resource(),
                        before.at(), after.pod().name(), after.at(), apart), before.event(), after.event());
            }
        }
        return Verdict.HOLDS;
    }
}
