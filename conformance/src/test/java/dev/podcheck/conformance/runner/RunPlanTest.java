package dev.podcheck.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.generate.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private final EngineTarget engine = new EngineTarget();

    @Test
    void should_default_to_what_podcheck_run_does_on_the_engine() {
        RunPlan plan = RunPlan.builder(engine).build();

        assertThat(plan.target()).isSameAs(engine);
        assertThat(plan.invariants()).extracting(Invariant::id).isEqualTo(Catalogue.all().stream().map(Invariant::id).toList());
        assertThat(plan.trials()).isEqualTo(1000);
        assertThat(plan.shard()).isEqualTo(Shard.ALL);
        assertThat(plan.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(plan.budget()).isNull();
        assertThat(plan.knownDeviations()).isEmpty();
        assertThat(plan.knownDifferences()).isEmpty();
        assertThat(plan.corpus()).isNull();
        assertThat(plan.horizon()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.size()).isEqualTo(Size.DEFAULT);
        assertThat(plan.maxShrinkAttempts()).isEqualTo(2000);
        assertThat(plan.minTrials()).isNull();
        assertThat(plan.deadline()).isEqualTo(engine.trialDeadline(Duration.ofMinutes(10)));
    }

    @Test
    void should_draw_a_positive_seed_when_none_is_given_and_keep_a_given_one() {
        assertThat(RunPlan.builder(engine).build().seed()).isPositive();
        assertThat(RunPlan.builder(engine).seed(0).build().seed()).isZero();
    }

    @Test
    void should_carry_every_setting_given() {
        Size small = Size.DEFAULT.withContainers(1, 0, 1);
        Invariant first = Catalogue.all().get(0);
        RunPlan plan = RunPlan.builder(engine).invariants(List.of(first)).trials(7).seed(3)
                .shard(Shard.parse("2/3")).parallelism(2).budget(Duration.ofSeconds(5))
                .knownDeviations(Map.of("x/y", "why")).corpus(Path.of("corpus")).horizon(Duration.ofMinutes(1))
                .size(small).maxShrinkAttempts(9).minTrials(4).trialDeadline(Duration.ofSeconds(30))
                .release(Profile.of("1.36")).build();

        assertThat(plan).isEqualTo(new RunPlan(engine, List.of(first), 7, 3, Shard.parse("2/3"), 2,
                Duration.ofSeconds(5), Map.of("x/y", "why"), List.of(), Path.of("corpus"), Duration.ofMinutes(1), small,
                9, 4, Duration.ofSeconds(30), Profile.of("1.36")));
    }

    @Test
    void should_check_what_it_builds_like_the_record_does() {
        assertThatThrownBy(() -> RunPlan.builder(engine).parallelism(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunPlan.builder(engine).trialDeadline(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
