package dev.podcheck.conformance.invariant.eviction;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * eviction/only-under-pressure (SEMANTICS E-3, E-8). memory.available is the node's allocatable
 * minus the working sets of the processes alive at that moment, read from the behaviours' memory
 * steps. A process counts from its Started event until a status shows it terminated or its
 * behaviour made it exit; counting one a little too long only makes the check more lenient.
 */
public final class OnlyUnderPressure implements Invariant {
    static final int SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
    static final String CRITICAL = "the pod, of critical priority %d, was evicted at %d ms";
    static final String NO_NODE = "the pod was evicted at %d ms with no node memory condition in effect";
    static final String NO_PRESSURE = "the pod was evicted at %d ms with %s bytes available, not below the "
            + "threshold of %s bytes";

    @Override
    public String id() {
        return "eviction/only-under-pressure";
    }

    @Override
    public String must() {
        return "A pod MUST be evicted for memory only when the node's memory available is below the eviction "
                + "threshold at that moment, and never when its priority is critical.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go synchronize, evictPod; helpers.go thresholdsMet; "
                + "pkg/kubelet/types IsCriticalPod; SEMANTICS E-3, E-8";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        Scenario scenario = trial.scenario();
        Integer priority = scenario.pod().spec().priority();
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof PodEvicted ev)) {
                continue;
            }
            if (priority != null && priority >= SYSTEM_CRITICAL_PRIORITY) {
                return Verdict.violated(String.format(CRITICAL, priority, ev.at()), ev);
            }
            Optional<NodeMemoryPressure> node = inEffect(scenario, ev.at());
            if (node.isEmpty()) {
                return Verdict.violated(String.format(NO_NODE, ev.at()), ev);
            }
            BigDecimal available = node.get().allocatable().value()
                    .subtract(BigDecimal.valueOf(workingSet(scenario, events.subList(0, i), ev.at())));
            if (available.compareTo(node.get().evictionThreshold().value()) >= 0) {
                return Verdict.violated(String.format(NO_PRESSURE, ev.at(), available.toPlainString(),
                        node.get().evictionThreshold().value().toPlainString()), ev);
            }
        }
        return Verdict.HOLDS;
    }

    /** "From at on, the node has allocatable ...": the latest condition that has begun. */
    private static Optional<NodeMemoryPressure> inEffect(Scenario scenario, long at) {
        NodeMemoryPressure latest = null;
        for (var e : scenario.events()) {
            if (e instanceof NodeMemoryPressure n && n.at().toMillis() <= at
                    && (latest == null || n.at().compareTo(latest.at()) >= 0)) {
                latest = n;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The summed working sets at {@code at} of the processes alive then, judged from the events before it. */
    private static long workingSet(Scenario scenario, List<TraceEvent> before, long at) {
        Map<String, Long> startedAt = new HashMap<>();
        Map<String, Integer> instance = new HashMap<>();
        for (TraceEvent e : before) {
            if (e instanceof KubeletEvent k && k.reason().equals("Started")) {
                startedAt.put(k.container(), k.at());
                instance.merge(k.container(), 0, (old, zero) -> old + 1);
            } else if (e instanceof TraceEvent.ContainerStatusChanged s
                    && s.status().state() instanceof ContainerState.Terminated t
                    && Long.valueOf(t.startedAt()).equals(startedAt.get(s.status().name())) && t.finishedAt() < at) {
                startedAt.remove(s.status().name());
            }
        }
        long sum = 0;
        for (var entry : startedAt.entrySet()) {
            InstanceBehaviour b = scenario.behaviour(entry.getKey()).forInstance(instance.get(entry.getKey()));
            Duration alive = Duration.ofMillis(at - entry.getValue());
            if (b.exit() == null || b.exit().after().compareTo(alive) >= 0) {
                sum += b.memoryBytesAt(alive);
            }
        }
        return sum;
    }
}
