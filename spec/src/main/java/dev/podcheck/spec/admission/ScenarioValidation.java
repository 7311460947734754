package dev.podcheck.spec.admission;

import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.scenario.PatchCondition;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * podcheck's own checks of a scenario, beyond the pod: a behaviour must name a container of the
 * pod, a hook behaviour needs the hook in the spec, a volume
 * written to is an emptyDir on disk the container mounts, and a node image must be a container's image. World events are checked only where the
 * apiserver would refuse the patch they stand for (a condition type that is no qualified name,
 * validatePodConditions, V-22): their records refuse impossible values, they may come in any order
 * (the engine sorts them), and a negative grace period on delete is legal (T-3).
 */
final class ScenarioValidation {
    static final String PATH = "metadata.annotations[" + Scenario.ANNOTATION + "]";
    static final String NOT_MOUNTED = "container \"%s\" mounts no emptyDir volume of this name";
    static final String MEMORY_VOLUME = "a Memory emptyDir is a tmpfs whose use is the container's memory: write it as "
            + "memory steps";

    private static final Function<Container, Optional<LifecycleHandler>> POST_START =
            c -> Optional.ofNullable(c.lifecycle()).map(l -> l.postStart());
    private static final Function<Container, Optional<LifecycleHandler>> PRE_STOP =
            c -> Optional.ofNullable(c.lifecycle()).map(l -> l.preStop());

    private ScenarioValidation() {}

    static void scenario(Scenario scenario, List<Violation> out) {
        List<WorldEvent> events = scenario.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof PatchCondition patch) {
                String field = PATH + ".events[" + i + "].patchCondition.type";
                NameRules.qualifiedName(patch.type()).forEach(msg -> out.add(Violation.invalid(field, patch.type(), msg)));
            }
        }
        Set<String> images = scenario.pod().spec().allContainers().map(Container::image).collect(Collectors.toSet());
        scenario.images().keySet().stream().filter(image -> !images.contains(image))
                .forEach(image -> out.add(Violation.notFound(PATH + ".images[" + image + "]", image)));
        Map<String, Container> byName = new LinkedHashMap<>();
        scenario.pod().spec().allContainers()
                .filter(c -> c.name() != null)
                .forEach(c -> byName.putIfAbsent(c.name(), c));
        scenario.behaviours().forEach((name, behaviour) -> {
            String path = PATH + ".containers." + name;
            Container container = byName.get(name);
            if (container == null) {
                out.add(Violation.notFound(path, name));
                return;
            }
            List<InstanceBehaviour> instances = behaviour.instances();
            for (int i = 0; i < instances.size(); i++) {
                String at = path + "[" + i + "]";
                hook(container, "postStart", instances.get(i).postStart(), POST_START, at, out);
                hook(container, "preStop", instances.get(i).preStop(), PRE_STOP, at, out);
                volumes(scenario, container, instances.get(i), at, out);
            }
        });
    }

    /**
     * A container writes only to an emptyDir of the pod that it mounts; not to a Memory one, whose tmpfs pages are
     * the container's memory, which its {@code memory} steps say (SEMANTICS LS-5).
     */
    private static void volumes(Scenario scenario, Container container, InstanceBehaviour instance, String at,
                                List<Violation> out) {
        if (instance.volumes().isEmpty()) {
            return;
        }
        Map<String, EmptyDirVolume> emptyDirs = EmptyDirVolume.of(scenario.pod().spec()).stream()
                .collect(Collectors.toMap(EmptyDirVolume::name, v -> v, (a, b) -> a));
        Set<String> mounted = EmptyDirVolume.mountedBy(container);
        for (String name : instance.volumes().keySet()) {
            String field = at + ".volumes." + name;
            EmptyDirVolume volume = emptyDirs.get(name);
            if (volume == null || !mounted.contains(name)) {
                out.add(Violation.invalid(field, name, String.format(NOT_MOUNTED, container.name())));
            } else if (volume.memoryBacked()) {
                out.add(Violation.invalid(field, name, MEMORY_VOLUME));
            }
        }
    }

    // A slow or failing hook that the spec does not have would never run: the scenario is wrong.
    private static void hook(Container container, String hookName, HookBehaviour behaviour,
                             Function<Container, Optional<LifecycleHandler>> specHook, String at,
                             List<Violation> out) {
        if (behaviour.equals(HookBehaviour.INSTANT) || specHook.apply(container).isPresent()) {
            return;
        }
        out.add(new Violation(at + "." + hookName, Violation.Type.INVALID, describe(behaviour),
                "container \"" + container.name() + "\" has no lifecycle." + hookName + " hook"));
    }

    private static String describe(HookBehaviour behaviour) {
        return "{takes: " + Durations.format(behaviour.takes()) + ", fails: " + behaviour.fails() + "}";
    }
}
