package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disk pressure (SEMANTICS NP-7) as the default budget draws it. */
class DiskGenTest {
    private static final List<Scenario> UNDER_DISK_PRESSURE = LifecycleGenTest.DRAWN.stream()
            .filter(s -> s.events().stream().anyMatch(NodeDiskPressure.class::isInstance)).toList();

    @Test
    void should_draw_disk_pressure_often_enough_for_the_default_budget() {
        // GIVEN 1,000 drawn scenarios: about 10 % of them (less those whose kubelet restarts) are under disk pressure
        assertThat(UNDER_DISK_PRESSURE).hasSizeBetween(50, 150);
        // THEN each is a node scenario whose pods all write to their writable layers
        assertThat(UNDER_DISK_PRESSURE).allMatch(Scenario::isNodeScenario)
                .allMatch(s -> writes(s) && s.neighbours().stream().allMatch(DiskGenTest::writes));
        // AND every kind of threshold is drawn: the kubelet's defaults, a quantity, a percentage
        assertThat(UNDER_DISK_PRESSURE.stream().map(DiskGenTest::threshold).distinct())
                .containsExactlyInAnyOrder("defaults", "2Gi", "12%");
    }

    @Test
    void should_draw_valid_scenarios_that_read_back_as_written() {
        for (Scenario s : UNDER_DISK_PRESSURE.stream().limit(30).toList()) {
            assertThat(Validation.validate(s)).as(ScenarioWriter.toYaml(s)).isEmpty();
            assertThat(Defaulting.apply(ScenarioReader.readOne("drawn", ScenarioWriter.toYaml(s)))).isEqualTo(s);
        }
    }

    private static boolean writes(Scenario s) {
        return s.behaviours().values().stream().flatMap(b -> b.instances().stream()).anyMatch(i -> !i.disk().isEmpty());
    }

    private static String threshold(Scenario s) {
        String named = s.events().stream().filter(NodeDiskPressure.class::isInstance).map(NodeDiskPressure.class::cast)
                .findFirst().orElseThrow().evictionThreshold();
        return named == null ? "defaults" : named;
    }
}
