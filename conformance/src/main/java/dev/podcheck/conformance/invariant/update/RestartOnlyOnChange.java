package dev.podcheck.conformance.invariant.update;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * update/restart-only-on-change (SEMANTICS SU-1, SU-2): what must never happen. No container is killed
 * for a changed definition more often than accepted updates changed its image before: a refused update
 * changes nothing, and an update naming the image a container already has changes no hash.
 */
public final class RestartOnlyOnChange implements Invariant {
    static final String MESSAGE = "container %s was killed for a changed definition at %d ms, but updates had changed"
            + " its image %d times before and it had been killed for that %d times";

    @Override
    public String id() {
        return "update/restart-only-on-change";
    }

    @Override
    public String must() {
        return "The kubelet MUST NOT kill a container for a changed definition unless an accepted update changed its"
                + " image since the last such kill.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (containerChanged);"
                + " pkg/apis/core/validation/validation.go ValidatePodUpdate; SEMANTICS SU-1, SU-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.KUBELET_EVENTS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<ImageChanges.Change> changes = ImageChanges.of(trial);
        Map<String, Integer> kills = new HashMap<>();
        for (KubeletEvent kill : trial.index().all(KubeletEvent.class).stream().filter(ImageChanges::isDefinitionChangedKill)
                .toList()) {
            long before = changes.stream()
                    .filter(c -> c.container().equals(kill.container()) && c.update().at() <= kill.at()).count();
            int killed = kills.merge(kill.container(), 1, Integer::sum);
            if (killed > before) {
                return Verdict.violated(String.format(MESSAGE, kill.container(), kill.at(), before, killed - 1), kill);
            }
        }
        return Verdict.HOLDS;
    }
}
