package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.LoseSandbox;
import dev.podcheck.spec.scenario.PatchCondition;
import dev.podcheck.spec.scenario.RemoveFinalizers;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.UpdatePod;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The default budget (1,000 trials) must exercise each new rule, and a target may leave them out. */
class LifecycleGenTest {
    static final List<Scenario> DRAWN = LongStream.range(0, 1000)
            .mapToObj(seed -> Defaulting.apply(ScenarioGen.scenarios(Size.DEFAULT).generate(Choices.random(seed))))
            .toList();

    static long count(Predicate<Scenario> p) {
        return DRAWN.stream().filter(p).count();
    }

    @Test
    void should_draw_each_new_field_often_enough_for_the_default_budget() {
        assertThat(count(s -> !s.pod().metadata().finalizers().isEmpty()
                && s.events().stream().anyMatch(DeletePod.class::isInstance))).isBetween(40L, 150L);
        assertThat(count(s -> s.events().stream().anyMatch(RemoveFinalizers.class::isInstance))).isBetween(100L, 250L);
        assertThat(count(s -> s.events().stream().anyMatch(PatchCondition.class::isInstance))).isBetween(100L, 250L);
        assertThat(count(s -> s.pod().spec().allContainers()
                .anyMatch(c -> "FallbackToLogsOnError".equals(c.terminationMessagePolicy())))).isBetween(50L, 250L);
        assertThat(count(s -> s.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(i -> i.terminationMessage().length() > 4096))).isGreaterThan(20L);
        // logs that the 80-line limit cuts while under 2048 bytes (TM-3)
        assertThat(count(s -> s.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(i -> i.log().length() > 80 && i.log().isBlank()))).isGreaterThan(5L);
        // image pulls (IP-2..IP-6): failing a few times, never, and each pull policy set by hand
        assertThat(count(s -> s.images().values().stream().anyMatch(i -> i.failedPulls() >= 2))).isBetween(60L, 250L);
        assertThat(count(s -> s.images().values().stream().anyMatch(NodeImage::neverPulls))).isBetween(20L, 120L);
        // spec updates (SU-1..SU-4): an image change, a deadline lowered, one raised (refused)
        assertThat(count(s -> s.events().stream().anyMatch(e -> e instanceof UpdatePod u && !u.containers().isEmpty())))
                .isBetween(80L, 200L);
        assertThat(count(s -> s.events().stream().anyMatch(e -> e instanceof UpdatePod u
                && u.activeDeadlineSeconds() != null))).isBetween(50L, 150L);
        // kubelet restarts (KR) and sandbox losses (SB), the latter with init containers to run again
        assertThat(count(s -> s.events().stream().anyMatch(RestartKubelet.class::isInstance))).isBetween(50L, 120L);
        assertThat(count(s -> s.events().stream().anyMatch(LoseSandbox.class::isInstance))).isBetween(40L, 110L);
        assertThat(count(s -> !s.pod().spec().initContainers().isEmpty()
                && s.events().stream().anyMatch(LoseSandbox.class::isInstance))).isGreaterThan(15L);
        for (String policy : List.of("Always", "IfNotPresent", "Never")) {
            assertThat(count(s -> !s.images().isEmpty() && s.pod().spec().allContainers()
                    .anyMatch(c -> policy.equals(c.imagePullPolicy())))).as(policy).isGreaterThan(40L);
        }
    }

    @Test
    void should_draw_only_valid_scenarios() {
        assertThat(DRAWN.stream().flatMap(s -> Validation.validate(s).stream())).isEmpty();
    }

    @Test
    void should_draw_none_of_them_when_the_target_opts_out() {
        Size cluster = Size.DEFAULT.withApiPatches(false).withTerminationMessages(false).withImagePulls(false)
                .withNodeDisruptions(false);
        for (long seed = 0; seed < 300; seed++) {
            Scenario s = ScenarioGen.scenarios(cluster).generate(Choices.random(seed));
            assertThat(s.pod().metadata().finalizers()).isEmpty();
            assertThat(s.pod().spec().readinessGates()).isEmpty();
            assertThat(s.events()).noneMatch(e -> e instanceof RemoveFinalizers || e instanceof PatchCondition
                    || e instanceof UpdatePod || e instanceof RestartKubelet || e instanceof LoseSandbox);
            assertThat(s.images()).isEmpty();
            assertThat(s.behaviours().values()).allSatisfy(b -> assertThat(b.instances())
                    .allSatisfy(i -> assertThat(i.terminationMessage() + i.log()).isEmpty()));
        }
    }
}
