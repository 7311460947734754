package dev.podcheck.spec.generate;

import dev.podcheck.spec.admission.PriorityAdmission;
import java.util.Map;

/**
 * The PriorityClasses generated pods name: the Priority admission plugin gives a pod its class's value and refuses
 * any other written priority, so a generated pod with a priority names its class and writes that value. A cluster
 * that admits generated pods needs these objects (adapters' ApiserverAdmissionTest creates them); the two system
 * classes exist in every cluster.
 */
public final class PriorityClasses {
    /** User-defined classes by name, with their values. */
    public static final Map<String, Integer> USER = Map.of("podcheck-low", 100, "podcheck-medium", 500, "podcheck-high", 1000);
    /** pkg/apis/scheduling SystemClusterCritical, with its value as the Priority plugin gives it. */
    static final Map.Entry<String, Integer> SYSTEM_CLUSTER_CRITICAL =
            Map.entry("system-cluster-critical", PriorityAdmission.SYSTEM_CLASSES.get("system-cluster-critical"));

    private PriorityClasses() {}
}
