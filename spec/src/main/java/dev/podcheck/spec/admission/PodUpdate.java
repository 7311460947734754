package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.scenario.UpdatePod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the apiserver answers to an update of a pod (SEMANTICS SU-1): pkg/registry/core/pod/strategy.go
 * ValidateUpdate validates the new pod as a whole (ValidatePod, V-2, V-6) and then against the old one
 * (ValidatePodUpdate: no container added, activeDeadlineSeconds set from unset or lowered only).
 * Refused, the pod stays as it was; the client sees {@link #message()}.
 *
 * @param updated    the pod as it is after the update, or as it was when refused
 * @param violations why it was refused; empty when accepted
 */
public record PodUpdate(Pod updated, List<Violation> violations) {
    public PodUpdate {
        violations = List.copyOf(violations);
    }

    /** The update of {@code old} (defaulted, as stored) by {@code update}. */
    public static PodUpdate of(Pod old, UpdatePod update) {
        PodSpec spec = old.spec();
        Map<String, UpdatePod.ContainerUpdate> changes = update.containers();
        boolean adds = changes.keySet().stream()
                .anyMatch(name -> spec.allContainers().noneMatch(c -> c.name().equals(name)));
        if (adds) {
            return new PodUpdate(old, List.of(Violation.forbidden("spec.containers",
                    "pod updates may not add or remove containers")));
        }
        PodSpec newSpec = spec.withContainers(withImages(spec.containers(), changes))
                .withInitContainers(withImages(spec.initContainers(), changes));
        if (update.activeDeadlineSeconds() != null) {
            newSpec = newSpec.withActiveDeadlineSeconds(update.activeDeadlineSeconds());
        }
        Pod updated = old.withSpec(newSpec);
        List<Violation> out = new ArrayList<>(Validation.validate(updated));
        activeDeadline(spec.activeDeadlineSeconds(), newSpec.activeDeadlineSeconds(), out);
        return out.isEmpty() ? new PodUpdate(updated, out) : new PodUpdate(old, out);
    }

    public boolean accepted() {
        return violations.isEmpty();
    }

    /**
     * The error the client gets, as apimachinery's NewInvalid words it: {@code Pod "p" is invalid: <error>},
     * several errors in brackets. Empty when accepted.
     */
    public String message() {
        if (accepted()) {
            return "";
        }
        String errors = violations.stream().map(Violation::message).collect(Collectors.joining(", "));
        String name = updated.metadata().name() == null ? "" : updated.metadata().name();
        return "Pod \"" + name + "\" is invalid: " + (violations.size() == 1 ? errors : "[" + errors + "]");
    }

    private static List<Container> withImages(List<Container> containers, Map<String, UpdatePod.ContainerUpdate> changes) {
        return containers.stream()
                .map(c -> changes.containsKey(c.name()) ? c.withImage(changes.get(c.name()).image()) : c)
                .toList();
    }

    /**
     * ValidatePodUpdate: "from nil to a positive value" or "from a positive value to a lesser,
     * non-negative value" (unsetting it is refused too, but an UpdatePod cannot unset it).
     */
    private static void activeDeadline(Long old, Long now, List<Violation> out) {
        String field = "spec.activeDeadlineSeconds";
        if (now == null) {
            return;
        }
        if (now < 0 || now > Validation.MAX_INT32) {
            out.add(Violation.invalid(field, now, NameRules.inclusiveRangeError(0, Validation.MAX_INT32)));
        } else if (old != null && old < now) {
            out.add(Violation.invalid(field, now, "must be less than or equal to previous value"));
        }
    }
}
