package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Valid scenarios by construction. All choices 0 give the simplest pod: one container
 * {@code app} running {@code busybox:1.36}, no probes, no resources, default behaviour, no
 * events, restartPolicy unset; so shrinking ends on small, readable pods.
 *
 * <p>Stability: experimental.
 */
public final class ScenarioGen {
    /** The name of every generated pod. */
    public static final String POD_NAME = "pod";
    /** Used when terminationGracePeriodSeconds is unset (SEMANTICS D-2). */
    static final long DEFAULT_GRACE = 30;

    private static final Gen<String> RESTART_POLICY = Gen.elements(null, "Always", "OnFailure", "Never");
    private static final Gen<Long> GRACE = Gen.frequency(
            Weighted.just(6, (Long) null), Weighted.just(2, 0L), Weighted.of(2, Gen.longs(1, 60, 5)));
    private static final Gen<Long> ACTIVE_DEADLINE = Gen.longs(1, 600, 60).orNull(0.1);

    private ScenarioGen() {}

    public static Gen<Scenario> scenarios() {
        return scenarios(Size.DEFAULT);
    }

    public static Gen<Scenario> scenarios(Size size) {
        return c -> {
            String restartPolicy = RESTART_POLICY.generate(c);
            Long grace = GRACE.generate(c);
            Long deadline = ACTIVE_DEADLINE.generate(c);
            ContainerGen containers = new ContainerGen(size, grace == null ? DEFAULT_GRACE : grace);
            List<Container> regular = regularContainers(size, containers, c);
            List<Container> init = initContainers(size, containers, c);
            PodSpec spec = PodSpec.of(init, regular).withRestartPolicy(restartPolicy)
                    .withTerminationGracePeriodSeconds(grace).withActiveDeadlineSeconds(deadline);
            Map<String, ContainerBehaviour> behaviours = size.behaviours() ? behaviours(spec, size, c) : Map.of();
            if (!size.startDelays()) {
                behaviours = withoutStartDelays(behaviours);
            }
            List<WorldEvent> events = !size.events() ? List.of()
                    : (size.nodePressure() ? EventGen.EVENTS : EventGen.DELETIONS).generate(c);
            Scenario drawn = new Scenario(Pod.of(ObjectMeta.named(POD_NAME), spec), behaviours, events);
            return LifecycleGen.add(drawn, size, c);
        };
    }

    private static List<Container> regularContainers(Size size, ContainerGen gen, Choices c) {
        List<Container> out = new ArrayList<>();
        do {
            out.add(gen.generate(ContainerKind.REGULAR, out.size(), c));
        } while (out.size() < size.maxContainers() && c.drawBoolean(0.3));
        return out;
    }

    /** Regular init containers and sidecars interleaved, each kind within its maximum. */
    private static List<Container> initContainers(Size size, ContainerGen gen, Choices c) {
        List<Container> out = new ArrayList<>();
        int inits = 0;
        int sidecars = 0;
        while ((inits < size.maxInitContainers() || sidecars < size.maxSidecars()) && c.drawBoolean(0.4)) {
            boolean sidecar = inits >= size.maxInitContainers()
                    || (sidecars < size.maxSidecars() && c.drawBoolean(0.5));
            out.add(sidecar ? gen.generate(ContainerKind.SIDECAR, sidecars++, c)
                    : gen.generate(ContainerKind.INIT, inits++, c));
        }
        return out;
    }

    /** The same draws with every startAfter 0, so that shrinking and seeds stay comparable. */
    private static Map<String, ContainerBehaviour> withoutStartDelays(Map<String, ContainerBehaviour> behaviours) {
        Map<String, ContainerBehaviour> out = new LinkedHashMap<>();
        behaviours.forEach((name, b) -> out.put(name, new ContainerBehaviour(
                b.instances().stream().map(i -> i.withStartAfter(Duration.ZERO)).toList())));
        return out;
    }

    private static Map<String, ContainerBehaviour> behaviours(PodSpec spec, Size size, Choices c) {
        Map<String, ContainerBehaviour> out = new LinkedHashMap<>();
        Stream.concat(spec.containers().stream(), spec.initContainers().stream()).forEach(container -> {
            ContainerBehaviour behaviour = BehaviourGen.forContainer(container, size, c);
            if (behaviour != null) {
                out.put(container.name(), behaviour);
            }
        });
        return out;
    }
}
