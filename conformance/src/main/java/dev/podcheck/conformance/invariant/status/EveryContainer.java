package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * status/every-container (SEMANTICS ST-1, INV-25): the kubelet builds a status entry for each spec
 * container from its first status on (convertToAPIContainerStatuses), and for nothing else.
 */
public final class EveryContainer implements Invariant {
    static final String EXTRA = "a status names %s at %d ms, which is not a container of the spec";
    static final String MISSING = "the first statuses, at %d ms, lack %s";

    @Override
    public String id() {
        return "status/every-container";
    }

    @Override
    public String must() {
        return "The container statuses MUST cover exactly the spec's init and regular containers, each from the "
                + "first status the kubelet writes.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses; SEMANTICS ST-1, INV-25";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Set<String> spec = trial.scenario().pod().spec().allContainers().map(Container::name)
                .collect(Collectors.toSet());
        List<ContainerStatusChanged> all = trial.index().all(ContainerStatusChanged.class);
        for (ContainerStatusChanged e : all) {
            if (!spec.contains(e.status().name())) {
                return Verdict.violated(String.format(EXTRA, e.status().name(), e.at()), e);
            }
        }
        if (all.isEmpty()) {
            return Verdict.HOLDS;
        }
        long first = all.get(0).at();
        List<ContainerStatusChanged> firstWrite = all.stream().filter(e -> e.at() == first).toList();
        Set<String> missing = new HashSet<>(spec);
        firstWrite.forEach(e -> missing.remove(e.status().name()));
        if (!missing.isEmpty()) {
            List<String> names = trial.scenario().pod().spec().allContainers().map(Container::name)
                    .filter(missing::contains).toList();
            return Verdict.violated(String.format(MISSING, first, names), firstWrite.get(0));
        }
        return Verdict.HOLDS;
    }
}
