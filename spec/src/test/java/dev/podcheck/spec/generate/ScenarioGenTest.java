package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScenarioGenTest {
    private static final Property<Scenario> SCENARIOS =
            Property.forAll(ScenarioGen.scenarios()).trials(500).seed(2026).renderedWith(ScenarioWriter::toYaml);

    @Nested
    class Validity {
        @Test
        void should_survive_the_yaml_round_trip() {
            SCENARIOS.check(s -> assertThat(ScenarioReader.read("x", ScenarioWriter.toYaml(s)).get(0)).isEqualTo(s));
        }

        @Test
        void should_give_every_container_a_unique_name() {
            SCENARIOS.check(s -> assertThat(s.pod().spec().allContainers().map(Container::name))
                    .doesNotHaveDuplicates().allMatch(n -> n.matches("(app|init|side)(-[0-9])?")));
        }

        @Test
        void should_pass_apiserver_validation_after_defaulting() {
            SCENARIOS.check(s -> assertThat(Validation.validate(Defaulting.apply(s))).isEmpty());
        }

        @Test
        void should_be_left_unchanged_by_defaulting_a_second_time() {
            SCENARIOS.check(s -> assertThat(Defaulting.apply(Defaulting.apply(s))).isEqualTo(Defaulting.apply(s)));
        }

        @Test
        void should_respect_the_size() {
            Size size = new Size(2, 1, 1, 100, false, false, false, false, false, 4000, 4096, false, false, false, false);
            Property.forAll(ScenarioGen.scenarios(size)).trials(300).seed(3).check(s -> {
                assertThat(s.pod().spec().containers()).hasSizeBetween(1, 2);
                assertThat(s.pod().spec().sidecars()).hasSizeLessThanOrEqualTo(1);
                assertThat(s.pod().spec().initContainers()).hasSizeLessThanOrEqualTo(2);
                assertThat(s.behaviours()).isEmpty();
                assertThat(s.events()).isEmpty();
                assertThat(s.pod().spec().allContainers()).allMatch(c -> c.resources().requests().isEmpty());
            });
        }

        @Test
        void should_draw_no_start_delays_for_a_target_that_cannot_act_them() {
            List<Scenario> drawn = LongStream.range(0, 300)
                    .mapToObj(seed -> ScenarioGen.scenarios(Size.DEFAULT.withStartDelays(false)).generate(Choices.random(seed)))
                    .toList();

            assertThat(drawn).flatMap(s -> s.behaviours().values()).flatMap(b -> b.instances())
                    .isNotEmpty().allMatch(i -> i.startAfter().isZero());
        }

        @Test
        void should_keep_requests_limits_and_memory_use_within_a_real_targets_caps() {
            Size capped = Size.DEFAULT.withResourceCaps(40, 128);
            List<Scenario> drawn = LongStream.range(0, 400)
                    .mapToObj(seed -> ScenarioGen.scenarios(capped).generate(Choices.random(seed))).toList();

            List<Quantity> cpu = drawn.stream().flatMap(s -> s.pod().spec().allContainers())
                    .flatMap(c -> Stream.of(c.resources().requests(), c.resources().limits()))
                    .map(m -> m.get(ResourceRequirements.CPU)).filter(Objects::nonNull).toList();
            List<Quantity> memory = drawn.stream().flatMap(s -> s.pod().spec().allContainers())
                    .flatMap(c -> Stream.of(c.resources().requests(), c.resources().limits()))
                    .map(m -> m.get(ResourceRequirements.MEMORY)).filter(Objects::nonNull).toList();
            List<Quantity> used = drawn.stream().flatMap(s -> s.behaviours().values().stream())
                    .flatMap(b -> b.instances().stream()).flatMap(i -> i.memory().stream())
                    .map(MemoryUse::bytes).toList();
            assertThat(cpu).isNotEmpty().allMatch(q -> q.milliValue() <= 40);
            assertThat(memory).isNotEmpty().allMatch(q -> q.longValue() <= 64L << 20);
            assertThat(used).isNotEmpty().allMatch(q -> q.longValue() <= 128L << 20);
            assertThat(drawn).allMatch(s -> Validation.validate(Defaulting.apply(s)).isEmpty());
        }

        @Test
        void should_draw_no_memory_limit_a_real_runtime_cannot_start_a_pod_under() {
            List<Quantity> limits = LongStream.range(0, 400)
                    .mapToObj(seed -> ScenarioGen.scenarios(Size.DEFAULT.withResourceCaps(40, 128)).generate(Choices.random(seed)))
                    .flatMap(s -> s.pod().spec().allContainers())
                    .map(c -> c.resources().limits().get(ResourceRequirements.MEMORY)).filter(Objects::nonNull).toList();

            assertThat(limits).isNotEmpty().allMatch(q -> q.longValue() >= 8L << 20)
                    .anyMatch(q -> q.longValue() == 8L << 20);
        }

        @Test
        void should_draw_deletions_but_no_node_pressure_for_a_target_that_cannot_cause_it() {
            List<Scenario> drawn = LongStream.range(0, 400)
                    .mapToObj(seed -> ScenarioGen.scenarios(Size.DEFAULT.withNodePressure(false)).generate(Choices.random(seed)))
                    .toList();

            assertThat(drawn).flatMap(Scenario::events).noneMatch(e -> e instanceof NodeMemoryPressure)
                    .anyMatch(e -> e instanceof DeletePod);
        }
    }

    @Test
    void should_report_a_failing_scenario_as_yaml_with_its_seed_and_how_to_replay_it() {
        assertThatThrownBy(() -> Property.forAll(ScenarioGen.scenarios()).seed(31).trials(200)
                .renderedWith(ScenarioWriter::toYaml)
                .check(s -> assertThat(s.pod().spec().initContainers()).isEmpty()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 31, trial ")
                .hasMessageContaining("  initContainers:\n  - name: ")
                .hasMessageContaining("-Dpodcheck.seed=31");
    }

    @Nested
    class Determinism {
        @Test
        void should_generate_the_same_scenarios_from_the_same_seed() {
            List<String> first = LongStream.range(0, 50)
                    .mapToObj(s -> ScenarioWriter.toYaml(ScenarioGen.scenarios().generate(Choices.random(s)))).toList();
            List<String> second = LongStream.range(0, 50)
                    .mapToObj(s -> ScenarioWriter.toYaml(ScenarioGen.scenarios().generate(Choices.random(s)))).toList();
            assertThat(first).isEqualTo(second);
        }

        @Test
        void should_generate_the_simplest_pod_from_an_empty_sequence() {
            Scenario simplest = ScenarioGen.scenarios().generate(Choices.replay(new long[0]));
            assertThat(ScenarioWriter.toYaml(simplest)).isEqualTo("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: pod
                    spec:
                      containers:
                      - name: app
                        image: busybox:1.36
                    """);
        }
    }
}
