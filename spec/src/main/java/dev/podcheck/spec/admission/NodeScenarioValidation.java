package dev.podcheck.spec.admission;

import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A node scenario's own checks (SEMANTICS NP-1): every neighbour is a pod the apiserver would create, with
 * behaviours that name its containers; the pods' names differ, as they must in one namespace; and the node's
 * kubelet is not restarted, which would reach every pod and which the engine models for one pod only.
 * A neighbour's violations name it: {@code neighbours[low].spec.containers[0].name}.
 */
final class NodeScenarioValidation {
    static final String NOT_MODELLED = "a kubelet restart in a node scenario is not modelled: it would restart"
            + " the kubelet of every pod on the node";

    private NodeScenarioValidation() {}

    static void node(Scenario scenario, List<Violation> out) {
        Set<String> names = new HashSet<>();
        names.add(scenario.pod().metadata().name());
        for (Scenario neighbour : scenario.neighbours()) {
            String name = neighbour.pod().metadata().name();
            String prefix = "neighbours[" + name + "].";
            if (!names.add(name)) {
                out.add(Violation.duplicate(prefix + "metadata.name", name));
            }
            Validation.validate(neighbour).forEach(v -> out.add(
                    new Violation(prefix + v.field(), v.type(), v.value(), v.detail())));
        }
        for (int i = 0; i < scenario.events().size(); i++) {
            if (scenario.events().get(i) instanceof RestartKubelet) {
                out.add(Violation.forbidden(ScenarioValidation.PATH + ".events[" + i + "].restartKubelet", NOT_MODELLED));
            }
        }
    }
}
