package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * disk/ranked (SEMANTICS NP-7, NP-2): at each eviction for disk pressure, no other pod the pass surely ranked (not
 * critical, running, being stopped or not: NP-4) surely goes before it in rankDiskPressureFunc's order: surely over its
 * ephemeral-storage request while the evicted pod surely is not; or the same on that key and a lower priority; or the
 * same on both and surely more bytes above its request. Pods that tie may go in either order (sort.Sort is not stable).
 */
public final class DiskRanked implements Invariant {
    static final String OUT_OF_RANK = "%s (priority %d, %s bytes, request %d) was evicted for disk pressure at %d ms "
            + "while %s (priority %d, %s bytes, request %d) ranked before it";

    @Override
    public String id() {
        return "disk/ranked";
    }

    @Override
    public String must() {
        return "A pod evicted for disk pressure MUST be one the kubelet ranks first among the pods it may evict on the "
                + "node: those using more than their ephemeral-storage request first, then the lower priority, then the "
                + "one using the most above its request.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/helpers.go rankDiskPressureFunc, exceedDiskRequests, priority, disk, podDiskUsage; "
                + "eviction_manager.go synchronize; SEMANTICS NP-7, NP-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.PHASE, Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PodOnNode> pods = PodOnNode.all(trial);
        for (PressureEvictions.Eviction ev : PressureEvictions.of(pods, NodeSignal.DISK).all()) {
            PodOnNode evicted = ev.pod();
            PodOnNode.Use taken = evicted.disk(ev.at());
            for (PodOnNode other : pods) {
                if (other == evicted || !other.candidateAt(ev.at())) {
                    continue;
                }
                PodOnNode.Use rival = other.disk(ev.at());
                if (surelyBefore(other, rival, evicted, taken)) {
                    return Verdict.violated(String.format(OUT_OF_RANK, evicted.name(), evicted.priority(),
                            describe(taken), evicted.diskRequest(), ev.at(), other.name(), other.priority(),
                            describe(rival), other.diskRequest()), ev.event());
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** Whether {@code a} ranks before {@code b} whatever the uses are within their bounds. */
    private static boolean surelyBefore(PodOnNode a, PodOnNode.Use aUse, PodOnNode b, PodOnNode.Use bUse) {
        boolean aSurelyExceeds = aUse.low() > a.diskRequest();
        boolean aMayExceed = aUse.high() > a.diskRequest();
        boolean bSurelyExceeds = bUse.low() > b.diskRequest();
        boolean bMayExceed = bUse.high() > b.diskRequest();
        if (aSurelyExceeds && !bMayExceed) {
            return true;
        }
        boolean sameExceeds = aSurelyExceeds && bSurelyExceeds || !aMayExceed && !bMayExceed;
        if (!sameExceeds || a.priority() > b.priority()) {
            return false;
        }
        return a.priority() < b.priority() || aUse.low() - a.diskRequest() > bUse.high() - b.diskRequest();
    }

    private static String describe(PodOnNode.Use bytes) {
        return bytes.exact() ? Long.toString(bytes.low()) : bytes.low() + " to " + bytes.high();
    }
}
