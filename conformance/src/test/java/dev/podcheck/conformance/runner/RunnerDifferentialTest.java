package dev.podcheck.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.conformance.differential.EngineStandIn;
import dev.podcheck.conformance.differential.Fact;
import dev.podcheck.conformance.differential.Features;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.admission.Defaulting;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The runner compares a target that is not the reference with the engine's prediction of every trial. */
class RunnerDifferentialTest {

    static RunPlan plan(Target target, List<Invariant> invariants, int trials, int parallelism,
                        List<KnownDifference> known) {
        return RunPlan.builder(target).invariants(invariants).trials(trials).seed(42L).parallelism(parallelism)
                .knownDifferences(known).horizon(Duration.ofMinutes(5)).maxShrinkAttempts(200).build();
    }

    static RunResult run(RunPlan plan) {
        return new Runner(plan).run((done, total) -> { });
    }

    @Nested
    class Divergences {
        @Test
        void should_report_differences_as_their_own_finding_that_fails_the_run() {
            // GIVEN a kubelet that never counts restarts, checked by no invariant
            RunResult result = run(plan(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), List.of(), 60, 2, List.of()));

            // THEN some trials differ, the first with both traces, and the run fails as on a violation
            DifferentialResult d = result.differential();
            assertThat(d.outcome()).isEqualTo(DifferentialResult.Outcome.DIFFERS);
            assertThat(d.compared()).isEqualTo(60);
            assertThat(d.differing()).isBetween(1, 59);
            assertThat(d.first().differences()).extracting(Difference::fact).containsOnly(Fact.RESTART_COUNT);
            assertThat(d.byFact()).containsOnlyKeys("differs/restart-count");
            assertThat(d.first().reference()).isNotEqualTo(d.first().observed());
            assertThat(d.first().origin()).isEqualTo("seed 42 trial " + d.first().trial());
            assertThat(result.exitCode()).isEqualTo(1);
        }

        @Test
        void should_report_the_same_first_divergence_whatever_the_parallelism() {
            Target faulty = EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS);

            Divergence one = run(plan(faulty, List.of(), 60, 1, List.of())).differential().first();
            Divergence two = run(plan(faulty, List.of(), 60, 2, List.of())).differential().first();

            assertThat(two).isEqualTo(one);
        }

        @Test
        void should_not_fail_the_run_when_every_difference_is_on_a_known_fact() {
            RunResult result = run(plan(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), List.of(), 60, 2,
                    List.of(new KnownDifference(Fact.RESTART_COUNT, null, List.of(), "this kubelet resets restartCount"))));

            DifferentialResult d = result.differential();
            assertThat(d.outcome()).isEqualTo(DifferentialResult.Outcome.KNOWN_DEVIATION);
            assertThat(d.known()).singleElement().satisfies(k -> {
                assertThat(k.label()).isEqualTo("differs/restart-count");
                assertThat(k.reason()).isEqualTo("this kubelet resets restartCount");
                assertThat(k.trials()).isEqualTo(d.byFact().get("differs/restart-count"));
            });
            assertThat(result.exitCode()).isZero();
        }

        @Test
        void should_fail_the_run_on_a_known_fact_outside_the_features_it_is_narrowed_to() {
            // GIVEN restart-count known only for scenarios with liveness probes
            RunResult result = run(plan(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), List.of(), 60, 2,
                    List.of(new KnownDifference(Fact.RESTART_COUNT, "regular", List.of("liveness-probe"), "D3"))));

            // THEN a trial whose restarts do not come from a liveness probe still fails the run
            assertThat(result.differential().outcome()).isEqualTo(DifferentialResult.Outcome.DIFFERS);
            assertThat(Features.of(Defaulting.apply(result.differential().first().scenario())))
                    .doesNotContain("liveness-probe");
        }
    }

    @Nested
    class Agreement {
        @Test
        void should_find_no_difference_and_no_violation_on_the_faithful_engine_over_300_trials() {
            RunResult result = run(plan(EngineStandIn.faithful(), Catalogue.all(), 300, 2, List.of()));

            assertThat(result.differential()).isEqualTo(DifferentialResult.agreeing(300));
            assertThat(result.exitCode()).isZero();
        }

        @Test
        void should_not_compare_the_reference_with_itself() {
            RunResult result = run(plan(new EngineTarget(), List.of(), 20, 2, List.of()));

            assertThat(result.differential()).isNull();
            assertThat(result.comparedWithReference()).isFalse();
        }
    }
}
