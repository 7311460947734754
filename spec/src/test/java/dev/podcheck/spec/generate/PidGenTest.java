package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PID pressure (SEMANTICS NP-6) as the default budget draws it. */
class PidGenTest {
    private static final List<Scenario> UNDER_PID_PRESSURE = LifecycleGenTest.DRAWN.stream()
            .filter(s -> s.events().stream().anyMatch(NodePidPressure.class::isInstance)).toList();

    @Test
    void should_draw_PID_pressure_often_enough_for_the_default_budget() {
        // GIVEN 1,000 drawn scenarios: about 12 % of them (less those whose kubelet restarts) are under PID pressure
        assertThat(UNDER_PID_PRESSURE).hasSizeBetween(70, 170);
        // THEN each is a node scenario whose pods all run tasks
        assertThat(UNDER_PID_PRESSURE).allMatch(Scenario::isNodeScenario)
                .allMatch(s -> runsTasks(s) && s.neighbours().stream().allMatch(PidGenTest::runsTasks));
    }

    @Test
    void should_draw_valid_scenarios_that_read_back_as_written() {
        for (Scenario s : UNDER_PID_PRESSURE.stream().limit(30).toList()) {
            assertThat(Validation.validate(s)).as(ScenarioWriter.toYaml(s)).isEmpty();
            assertThat(Defaulting.apply(ScenarioReader.readOne("drawn", ScenarioWriter.toYaml(s)))).isEqualTo(s);
        }
    }

    private static boolean runsTasks(Scenario s) {
        return s.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(i -> !i.processes().isEmpty());
    }
}
