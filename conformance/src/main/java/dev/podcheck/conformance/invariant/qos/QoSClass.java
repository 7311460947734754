package dev.podcheck.conformance.invariant.qos;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.trace.TraceEvent.PodCreated;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * qos/class (SEMANTICS Q-1..Q-3, D-12, INV-2). The rule is restated here as an ordered table, on
 * purpose independent of spec.qos.PodQOS, so that a mistake there is not copied into the check.
 */
public final class QoSClass implements Invariant {
    static final String MESSAGE = "the pod was created with qosClass %s, but its resources make it %s";
    static final String TWICE = "the pod was created %d times";

    private static final List<String> COMPUTE = List.of("cpu", "memory");

    /** What the classification reads of the pod: cpu and memory, positive quantities only. */
    record Resources(List<Map<String, Quantity>> requests, List<Map<String, Quantity>> limits) {
        Map<String, Quantity> sum(List<Map<String, Quantity>> perContainer) {
            Map<String, Quantity> sums = new TreeMap<>();
            perContainer.forEach(m -> m.forEach((k, v) -> sums.merge(k, v, Quantity::plus)));
            return sums;
        }
    }

    /** First matching row wins (qos.go ComputePodQOS). */
    private record Row(String qosClass, Predicate<Resources> when) {}

    private static final List<Row> TABLE = List.of(
            new Row("BestEffort", r -> r.sum(r.requests()).isEmpty() && r.sum(r.limits()).isEmpty()),
            new Row("Guaranteed", r -> r.limits().stream().allMatch(l -> l.keySet().containsAll(COMPUTE))
                    && r.sum(r.requests()).equals(r.sum(r.limits()))),
            new Row("Burstable", r -> true));

    @Override
    public String id() {
        return "qos/class";
    }

    @Override
    public String must() {
        return "The pod's qosClass MUST be set once at creation to the class its containers' cpu and memory "
                + "requests and limits give.";
    }

    @Override
    public String source() {
        return "pkg/apis/core/helper/qos/qos.go ComputePodQOS; pkg/registry/core/pod/strategy.go PrepareForCreate; "
                + "SEMANTICS Q-1, Q-2, Q-3, D-12, INV-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.QOS_CLASS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PodCreated> created = trial.index().all(PodCreated.class);
        if (created.isEmpty()) {
            return Verdict.unknown("the trace has no PodCreated event");
        }
        if (created.size() > 1) {
            return Verdict.violated(String.format(TWICE, created.size()), List.copyOf(created));
        }
        String expected = classify(trial.scenario().pod().spec().allContainers().toList());
        if (!expected.equals(created.get(0).qosClass())) {
            return Verdict.violated(String.format(MESSAGE, created.get(0).qosClass(), expected), created.get(0));
        }
        return Verdict.HOLDS;
    }

    /** Every init container counts, sidecars included; ephemeral containers are not modelled. */
    static String classify(List<Container> containers) {
        Resources r = new Resources(
                containers.stream().map(c -> counted(c.resources().requests())).toList(),
                containers.stream().map(c -> counted(c.resources().limits())).toList());
        return TABLE.stream().filter(row -> row.when().test(r)).findFirst().orElseThrow().qosClass();
    }

    private static Map<String, Quantity> counted(Map<String, Quantity> list) {
        Map<String, Quantity> out = new TreeMap<>();
        list.forEach((name, q) -> {
            if (COMPUTE.contains(name) && q.signum() > 0) {
                out.put(name, q);
            }
        });
        return out;
    }
}
