package dev.podcheck.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.differential.EngineStandIn;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.generate.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The runner compares a target that is not the reference with the engine's prediction of every trial. */
class RunnerDifferentialTest {

    static RunPlan plan(Target target, List<Invariant> invariants, int trials, int parallelism, Map<String, String> known) {
        return new RunPlan(target, invariants, trials, 42L, Shard.ALL, parallelism, null, known, null,
                Duration.ofMinutes(5), Size.DEFAULT, 200);
    }

    static RunResult run(RunPlan plan) {
        return new Runner(plan).run((done, total) -> { });
    }

    @Nested
    class Divergences {
        @Test
        void should_report_differences_as_their_own_finding_that_fails_the_run() {
            // GIVEN a kubelet that never counts restarts, checked by no invariant
            RunResult result = run(plan(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), List.of(), 60, 2, Map.of()));

            // THEN some trials differ, the first with both traces, and the run fails as on a violation
            DifferentialResult d = result.differential();
            assertThat(d.outcome()).isEqualTo(DifferentialResult.Outcome.DIFFERS);
            assertThat(d.compared()).isEqualTo(60);
            assertThat(d.differing()).isBetween(1, 59);
            assertThat(d.first().differences()).extracting(Difference::fact).containsOnly(Difference.Fact.RESTARTS);
            assertThat(d.first().reference()).isNotEqualTo(d.first().observed());
            assertThat(d.first().origin()).isEqualTo("seed 42 trial " + d.first().trial());
            assertThat(result.exitCode()).isEqualTo(1);
        }

        @Test
        void should_report_the_same_first_divergence_whatever_the_parallelism() {
            Target faulty = EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS);

            Divergence one = run(plan(faulty, List.of(), 60, 1, Map.of())).differential().first();
            Divergence two = run(plan(faulty, List.of(), 60, 2, Map.of())).differential().first();

            assertThat(two).isEqualTo(one);
        }

        @Test
        void should_not_fail_the_run_when_differences_are_a_known_deviation() {
            RunResult result = run(plan(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), List.of(), 60, 2,
                    Map.of(Differential.ID, "this kubelet resets restartCount")));

            assertThat(result.differential().outcome()).isEqualTo(DifferentialResult.Outcome.KNOWN_DEVIATION);
            assertThat(result.differential().knownDeviation()).isEqualTo("this kubelet resets restartCount");
            assertThat(result.exitCode()).isZero();
        }
    }

    @Nested
    class Agreement {
        @Test
        void should_find_no_difference_and_no_violation_on_the_faithful_engine_over_300_trials() {
            RunResult result = run(plan(EngineStandIn.faithful(), Catalogue.all(), 300, 2, Map.of()));

            assertThat(result.differential()).isEqualTo(new DifferentialResult(300, 0, null, null));
            assertThat(result.exitCode()).isZero();
        }

        @Test
        void should_not_compare_the_reference_with_itself() {
            RunResult result = run(plan(new EngineTarget(), List.of(), 20, 2, Map.of()));

            assertThat(result.differential()).isNull();
            assertThat(result.comparedWithReference()).isFalse();
        }
    }
}
