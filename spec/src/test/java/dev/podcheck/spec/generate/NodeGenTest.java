package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.PodCreate;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node scenarios (SEMANTICS NP-1) as the default budget draws them, and what a real target's size leaves out. */
class NodeGenTest {
    private static final List<Scenario> DRAWN = LifecycleGenTest.DRAWN;

    private static long count(java.util.function.Predicate<Scenario> p) {
        return DRAWN.stream().filter(p).count();
    }

    @Test
    void should_draw_node_scenarios_often_enough_for_the_default_budget() {
        // GIVEN 1,000 drawn scenarios: about 12 % of them (less those whose kubelet restarts) are node scenarios under
        // memory pressure (PidGen and DiskGen make others, under PID or disk pressure: PidGenTest, DiskGenTest)
        assertThat(count(s -> s.isNodeScenario()
                && s.events().stream().anyMatch(NodeMemoryPressure.class::isInstance))).isBetween(80L, 160L);
        assertThat(count(s -> s.neighbours().size() == 2)).isGreaterThan(30L);
        // THEN each has a node condition, with neighbours of different priorities and some with requests
        assertThat(DRAWN.stream().filter(Scenario::isNodeScenario))
                .allMatch(s -> s.events().stream().anyMatch(e -> e instanceof NodeMemoryPressure
                        || e instanceof NodePidPressure || e instanceof NodeDiskPressure))
                .noneMatch(s -> s.events().stream().anyMatch(RestartKubelet.class::isInstance));
        assertThat(count(s -> s.neighbours().stream().anyMatch(n -> n.pod().spec().priority() != null
                && n.pod().spec().priority() > 0))).isGreaterThan(30L);
        assertThat(count(s -> s.neighbours().stream().anyMatch(n -> n.pod().spec().containers().get(0).resources()
                .request("memory").isPresent()))).isGreaterThan(30L);
    }

    @Test
    void should_draw_valid_node_scenarios_that_read_back_as_written() {
        for (Scenario s : DRAWN.stream().filter(Scenario::isNodeScenario).limit(30).toList()) {
            assertThat(PodCreate.of(s).violations()).as(ScenarioWriter.toYaml(s)).isEmpty();
            for (Scenario neighbour : s.neighbours()) {
                assertThat(PodCreate.of(neighbour).violations()).as(ScenarioWriter.toYaml(s)).isEmpty();
            }
            assertThat(dev.podcheck.spec.admission.Defaulting.apply(ScenarioReader.readOne("drawn",
                    ScenarioWriter.toYaml(s)))).isEqualTo(s);
        }
    }

    @Test
    void should_draw_no_node_scenario_without_node_pressure() {
        Size real = Size.DEFAULT.withNodePressure(false);
        for (long seed = 0; seed < 300; seed++) {
            assertThat(ScenarioGen.scenarios(real).generate(dev.podcheck.spec.property.Choices.random(seed))
                    .isNodeScenario()).isFalse();
        }
    }
}
