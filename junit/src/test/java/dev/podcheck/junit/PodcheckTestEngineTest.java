package dev.podcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** podcheck's test engine, run as an IDE or surefire runs it: through the JUnit Platform launcher. */
class PodcheckTestEngineTest {

    @PodcheckCatalogue(trials = 60, seed = 1)
    static class FaithfulCatalogue {}

    @PodcheckCatalogue(target = InitOverlapEngine.class, trials = 100, seed = 1)
    static class FaultyCatalogue {}

    /** A kubelet that starts the app before the init containers are done (fault APP_STARTS_BEFORE_INIT_ENDS). */
    public static final class InitOverlapEngine implements Target {
        private final EngineTarget engine =
                new EngineTarget(EngineOptions.DEFAULT.withFaults(Set.of(Fault.APP_STARTS_BEFORE_INIT_ENDS)));

        @Override
        public String name() {
            return "init-overlap-engine";
        }

        @Override
        public Set<Observation> observations() {
            return engine.observations();
        }

        @Override
        public Duration tolerance() {
            return engine.tolerance();
        }

        @Override
        public Trace run(Scenario defaulted, Duration horizon) throws TargetException {
            return engine.run(defaulted, horizon);
        }
    }

    static class Properties {
        @PodcheckProperty(trials = 50, seed = 1, horizon = "2m")
        void nothing_happens_after_the_horizon(Scenario scenario, Trace trace) {
            assertThat(trace.end()).as(scenario.pod().metadata().name()).isLessThanOrEqualTo(Duration.ofMinutes(2).toMillis());
        }

        @PodcheckProperty(trials = 200, seed = 1)
        void a_pod_has_one_container(Scenario scenario) {
            assertThat(scenario.pod().spec().containers()).hasSize(1);
        }

        @PodcheckProperty(trials = 20, seed = 1)
        boolean the_target_is_the_engine(Target target) {
            return target.name().equals("engine");
        }

        @PodcheckProperty(trials = 5)
        void asks_for_what_podcheck_cannot_give(String name) {}
    }

    private static EngineExecutionResults run(DiscoverySelector... selectors) {
        return EngineTestKit.engine(PodcheckTestEngine.ID).selectors(selectors).execute();
    }

    private static Map<String, TestExecutionResult.Status> statuses(EngineExecutionResults results) {
        return results.testEvents().finished().stream().collect(Collectors.toMap(e -> e.getTestDescriptor().getDisplayName(),
                e -> e.getPayload(TestExecutionResult.class).orElseThrow().getStatus()));
    }

    private static String failureOf(EngineExecutionResults results, String test) {
        Event failed = results.testEvents().failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals(test))
                .findFirst().orElseThrow(() -> new AssertionError(test + " did not fail: " + statuses(results)));
        return failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    @Nested
    class Catalogue_as_tests {
        @Test
        void should_make_each_invariant_of_the_catalogue_one_test_and_pass_them_on_the_faithful_engine() {
            EngineExecutionResults results = run(selectClass(FaithfulCatalogue.class));

            assertThat(statuses(results).keySet()).containsExactlyInAnyOrderElementsOf(
                    Catalogue.all().stream().map(Invariant::id).toList());
            assertThat(statuses(results)).allSatisfy((id, status) -> assertThat(status).as(id)
                    .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
            results.containerEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        }

        @Test
        void should_fail_the_invariant_a_faulty_target_breaks_with_its_shrunk_counterexample_and_its_replay() {
            EngineExecutionResults results = run(selectClass(FaultyCatalogue.class));

            assertThat(statuses(results)).containsEntry("init/order", TestExecutionResult.Status.FAILED)
                    .containsEntry("restart/never", TestExecutionResult.Status.SUCCESSFUL);
            assertThat(failureOf(results, "init/order")).startsWith("VIOLATED init/order in ")
                    .contains("MUST:", "found:   seed 1 trial ", "witness:", "pod:", "timeline:")
                    .contains("replay:  -Dpodcheck.seed=1");
        }

        @Test
        void should_replay_the_seed_given_as_podcheck_seed() {
            EngineExecutionResults results = EngineTestKit.engine(PodcheckTestEngine.ID)
                    .selectors(selectClass(FaultyCatalogue.class)).configurationParameter("podcheck.seed", "7").execute();

            assertThat(failureOf(results, "init/order")).contains("found:   seed 7 trial ").contains("replay:  -Dpodcheck.seed=7");
        }

        @Test
        void should_run_one_invariant_selected_by_its_unique_id_as_an_ide_reruns_it() {
            UniqueId id = UniqueId.forEngine(PodcheckTestEngine.ID).append("class", FaultyCatalogue.class.getName())
                    .append("invariant", "init/order");

            EngineExecutionResults results = run(selectUniqueId(id));

            assertThat(statuses(results)).containsOnlyKeys("init/order").containsValue(TestExecutionResult.Status.FAILED);
        }

        @Test
        void should_fail_each_test_saying_why_when_the_seed_to_replay_is_not_a_number() {
            EngineExecutionResults results = EngineTestKit.engine(PodcheckTestEngine.ID)
                    .selectors(selectClass(FaithfulCatalogue.class)).configurationParameter("podcheck.seed", "one").execute();

            assertThat(failureOf(results, "init/order")).isEqualTo("podcheck.seed must be a whole number, got \"one\"");
        }
    }

    @Nested
    class Properties_as_tests {
        @Test
        void should_resolve_scenario_trace_and_target_and_pass_a_property_that_holds() {
            EngineExecutionResults results = run(selectClass(Properties.class));

            assertThat(statuses(results)).containsEntry("nothing_happens_after_the_horizon", TestExecutionResult.Status.SUCCESSFUL)
                    .containsEntry("the_target_is_the_engine", TestExecutionResult.Status.SUCCESSFUL);
        }

        @Test
        void should_shrink_a_failing_property_to_its_smallest_scenario() {
            EngineExecutionResults results = run(selectMethod(Properties.class, "a_pod_has_one_container", Scenario.class.getName()));

            assertThat(statuses(results)).containsOnlyKeys("a_pod_has_one_container");
            // However many containers the first failing pod had, the shrunk one has the two that still fail.
            assertThat(failureOf(results, "a_pod_has_one_container")).contains("shrunk", "Expected size: 1 but was: 2")
                    .contains("pod:").contains("replay:  -Dpodcheck.seed=1");
        }

        @Test
        void should_fail_a_property_whose_parameter_podcheck_cannot_resolve_saying_which() {
            EngineExecutionResults results = run(selectClass(Properties.class));

            assertThat(failureOf(results, "asks_for_what_podcheck_cannot_give")).isEqualTo(
                    "parameter 1 of Properties.asks_for_what_podcheck_cannot_give is a String: a property takes Scenario, Trace,"
                            + " Target or Observed");
        }
    }

    @Test
    void should_leave_classes_without_podcheck_annotations_to_other_engines() {
        EngineExecutionResults results = run(selectClass(PodcheckTestEngineTest.class));

        assertThat(results.testEvents().count()).isZero();
        assertThat(results.containerEvents().started().count()).as("the engine alone").isEqualTo(1);
    }
}
