package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The weighted edge cases each show up within 500 scenarios. */
class EdgeCaseCoverageTest {
    private static final List<Scenario> SAMPLE = LongStream.range(0, 500)
            .mapToObj(s -> ScenarioGen.scenarios().generate(Choices.random(s))).toList();

    static List<Map.Entry<String, Predicate<Scenario>>> edgeCases() {
        return List.of(
                Map.entry("terminationGracePeriodSeconds 0", s -> Long.valueOf(0).equals(spec(s).terminationGracePeriodSeconds())),
                Map.entry("failureThreshold 1", s -> containers(s, c -> probe(c, p -> Integer.valueOf(1).equals(p.failureThreshold())))),
                Map.entry("exit code 0", s -> instances(s, i -> i.exit() != null && i.exit().code() == 0)),
                Map.entry("non-zero exit code", s -> instances(s, i -> i.exit() != null && i.exit().code() != 0)),
                Map.entry("probe that never succeeds", s -> instances(s, i -> i.liveness().equals(Health.NEVER)
                        || i.readiness().equals(Health.NEVER) || i.startup().equals(Health.NEVER))),
                Map.entry("zero request", s -> containers(s, c -> c.resources().requests().containsValue(Quantity.ZERO))),
                Map.entry("requests without limits", s -> containers(s, c -> !c.resources().requests().isEmpty()
                        && c.resources().limits().isEmpty())),
                Map.entry("limits only", s -> containers(s, c -> c.resources().requests().isEmpty()
                        && !c.resources().limits().isEmpty())),
                Map.entry("sidecar with a startup probe", s -> spec(s).sidecars().stream().anyMatch(c -> c.startupProbe() != null)),
                Map.entry("deletion with grace 0 and force", s -> s.events().stream().anyMatch(e -> e instanceof DeletePod d
                        && Long.valueOf(0).equals(d.gracePeriodSeconds()) && d.force())),
                Map.entry("memory pressure", s -> s.events().stream().anyMatch(e -> e instanceof NodeMemoryPressure)),
                Map.entry("sleep preStop hook", s -> containers(s, c -> c.lifecycle() != null && c.lifecycle().preStop() != null
                        && c.lifecycle().preStop().sleep() != null)),
                Map.entry("restartPolicy Never", s -> "Never".equals(spec(s).restartPolicy())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void should_generate_the_edge_case(Map.Entry<String, Predicate<Scenario>> edgeCase) {
        assertThat(SAMPLE).as(edgeCase.getKey()).anyMatch(edgeCase.getValue());
    }

    private static PodSpec spec(Scenario s) {
        return s.pod().spec();
    }

    private static boolean containers(Scenario s, Predicate<Container> p) {
        return spec(s).allContainers().anyMatch(p);
    }

    private static boolean probe(Container c, Predicate<dev.podcheck.spec.pod.Probe> p) {
        return java.util.Arrays.stream(ProbeKind.values()).map(c::probe).anyMatch(x -> x != null && p.test(x));
    }

    private static boolean instances(Scenario s, Predicate<InstanceBehaviour> p) {
        return s.behaviours().values().stream().flatMap(b -> b.instances().stream()).anyMatch(p);
    }
}
