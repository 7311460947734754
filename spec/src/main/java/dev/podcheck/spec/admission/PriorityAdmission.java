package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Pod;
import java.util.Map;
import java.util.Optional;

/**
 * The Priority admission plugin on a pod's create (plugin/pkg/admission/priority/admission.go admitPod): it
 * computes the pod's priority from its priorityClassName (a system class's value, a PriorityClass object's, or,
 * with none named, the global default class's, 0 when there is none) and refuses a pod whose written
 * {@code spec.priority} differs, with 403 Forbidden before any field is validated.
 *
 * <p>podcheck knows the two system classes and assumes no global default class (a new cluster has none); the value
 * of any other class is the cluster's, so a written priority beside such a name is taken as that value.
 */
public final class PriorityAdmission {
    /** pkg/apis/scheduling SystemPriorityClasses. */
    public static final Map<String, Integer> SYSTEM_CLASSES = Map.of(
            "system-node-critical", 2_000_001_000, "system-cluster-critical", 2_000_000_000);

    private PriorityAdmission() {}

    /** Why the plugin refuses {@code pod}, if it surely does. */
    static Optional<Violation> refusal(Pod pod) {
        Integer written = pod.spec().priority();
        String className = PassThrough.string(pod.spec().extra(), "priorityClassName");
        Integer computed = className.isEmpty() ? Integer.valueOf(0) : SYSTEM_CLASSES.get(className);
        if (written == null || computed == null || written.equals(computed)) {
            return Optional.empty();
        }
        return Optional.of(Violation.forbidden("spec.priority", "the integer value of priority (" + written
                + ") must not be provided in pod spec; priority admission controller computed " + computed
                + " from the given PriorityClass name"));
    }
}
