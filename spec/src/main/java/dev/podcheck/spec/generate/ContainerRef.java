package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** One container of a scenario's pod, by list and index, with its field path as the apiserver prints it. */
record ContainerRef(boolean init, int index) {

    String path() {
        return (init ? "spec.initContainers[" : "spec.containers[") + index + "]";
    }

    String path(String child) {
        return path() + "." + child;
    }

    Container get(Scenario s) {
        return list(s.pod().spec()).get(index);
    }

    Scenario replace(Scenario s, Container container) {
        List<Container> copy = new ArrayList<>(list(s.pod().spec()));
        copy.set(index, container);
        PodSpec spec = init ? s.pod().spec().withInitContainers(copy) : s.pod().spec().withContainers(copy);
        return s.withPod(s.pod().withSpec(spec));
    }

    /** Replaces the container and drops its behaviour: its name no longer names it validly. */
    Scenario rename(Scenario s, Container container) {
        return withoutBehaviour(replace(s, container), get(s).name());
    }

    private List<Container> list(PodSpec spec) {
        return init ? spec.initContainers() : spec.containers();
    }

    static Scenario withoutBehaviour(Scenario s, String name) {
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>(s.behaviours());
        behaviours.remove(name);
        return s.withBehaviours(behaviours);
    }

    static ContainerRef anyRegular(Scenario s, Choices c) {
        return new ContainerRef(false, c.drawIndex(s.pod().spec().containers().size()));
    }

    /** A regular or init container (regular ones first: simpler). */
    static ContainerRef anyContainer(Scenario s, Choices c) {
        int regular = s.pod().spec().containers().size();
        int i = c.drawIndex(regular + s.pod().spec().initContainers().size());
        return i < regular ? new ContainerRef(false, i) : new ContainerRef(true, i - regular);
    }

    /** A container that may have probes and hooks: a regular container or a sidecar. */
    static ContainerRef probeCapable(Scenario s, Choices c) {
        List<ContainerRef> refs = new ArrayList<>();
        IntStream.range(0, s.pod().spec().containers().size()).forEach(i -> refs.add(new ContainerRef(false, i)));
        List<Container> init = s.pod().spec().initContainers();
        IntStream.range(0, init.size()).filter(i -> init.get(i).isSidecar()).forEach(i -> refs.add(new ContainerRef(true, i)));
        return refs.get(c.drawIndex(refs.size()));
    }

    /** Appends a plain regular init container when the pod has none, so one is always there to edit. */
    static Scenario withRegularInit(Scenario s) {
        List<Container> init = s.pod().spec().initContainers();
        if (init.stream().anyMatch(x -> !x.isSidecar())) {
            return s;
        }
        List<Container> copy = new ArrayList<>(init);
        copy.add(Container.of(freshName(s, "init"), ContainerGen.IMAGE));
        return s.withPod(s.pod().withSpec(s.pod().spec().withInitContainers(copy)));
    }

    /** Appends an init container when there is none, so a duplicate name has somewhere to go. */
    static Scenario withAnyInit(Scenario s) {
        return s.pod().spec().initContainers().isEmpty() ? withRegularInit(s) : s;
    }

    static ContainerRef regularInit(Scenario s, Choices c) {
        List<Container> init = s.pod().spec().initContainers();
        int[] indices = IntStream.range(0, init.size()).filter(i -> !init.get(i).isSidecar()).toArray();
        return new ContainerRef(true, indices[c.drawIndex(indices.length)]);
    }

    static ContainerRef anyInit(Scenario s, Choices c) {
        return new ContainerRef(true, c.drawIndex(s.pod().spec().initContainers().size()));
    }

    private static String freshName(Scenario s, String prefix) {
        for (int i = 0; ; i++) {
            String name = i == 0 ? prefix : prefix + "-" + (i + 1);
            if (s.pod().spec().allContainers().noneMatch(x -> name.equals(x.name()))) {
                return name;
            }
        }
    }
}
