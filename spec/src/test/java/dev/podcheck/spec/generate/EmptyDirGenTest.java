package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** emptyDir volumes and their writes (SEMANTICS LS-5) as the default budget draws them. */
class EmptyDirGenTest {
    private static final List<Scenario> WRITING = LifecycleGenTest.DRAWN.stream()
            .filter(s -> s.behaviours().values().stream().flatMap(b -> b.instances().stream())
                    .anyMatch(i -> !i.volumes().isEmpty())).toList();

    @Test
    void should_draw_volume_writes_often_enough_for_the_default_budget() {
        // GIVEN 1,000 drawn scenarios: about 12 % write to an emptyDir, most of which has a sizeLimit
        assertThat(WRITING).hasSizeBetween(70, 170);
        assertThat(WRITING.stream().filter(s -> EmptyDirVolume.of(s.pod().spec()).stream()
                .anyMatch(EmptyDirVolume::limited)).count()).isGreaterThan(WRITING.size() / 2);
    }

    @Test
    void should_draw_valid_scenarios_that_read_back_as_written() {
        for (Scenario s : WRITING.stream().limit(30).toList()) {
            assertThat(Validation.validate(s)).as(ScenarioWriter.toYaml(s)).isEmpty();
            assertThat(Defaulting.apply(ScenarioReader.readOne("drawn", ScenarioWriter.toYaml(s)))).isEqualTo(s);
        }
    }
}
