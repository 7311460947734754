package dev.podcheck.conformance.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The comparison with the reference, driven by the engine standing in for a real target: with a
 * fault it must differ where the fault changes an outcome, faithful it must agree, lagging it must
 * agree within its tolerance and differ beyond it, and it must keep to what the target observes.
 */
class DifferentialTest {
    static final Duration HORIZON = Duration.ofMinutes(2);

    /** An app that fails 3 s after each start, restarted in a crash loop. */
    static final String CRASH_LOOP = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: crash
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app:
                    - exit: {after: 3s, code: 1}
            spec:
              containers:
              - {name: app, image: busybox:1.36}
            """;

    /** An init container that takes 5 s, then an app that runs, then the pod is deleted. */
    static final String INIT_THEN_APP = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: init
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    init:
                    - exit: {after: 5s, code: 0}
                  events:
                  - deletePod: {at: 30s}
            spec:
              initContainers:
              - {name: init, image: busybox:1.36}
              containers:
              - {name: app, image: busybox:1.36}
            """;

    /** Deleted at 20 s: the app takes 3 s to stop, its sidecar 1 s. */
    static final String SLOW_APP_WITH_SIDECAR = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: stop
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    side: {onSigterm: {exitAfter: 1s, code: 0}}
                    app: {onSigterm: {exitAfter: 3s, code: 0}}
                  events:
                  - deletePod: {at: 20s}
            spec:
              initContainers:
              - {name: side, image: busybox:1.36, restartPolicy: Always}
              containers:
              - {name: app, image: busybox:1.36}
            """;

    static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    static List<String> differences(EngineStandIn target, String yaml) {
        return differences(target, scenario(yaml));
    }

    static List<String> differences(EngineStandIn target, Scenario defaulted) {
        Comparison c = Comparison.of(defaulted, target.run(defaulted, HORIZON), target.observations(), target.tolerance(),
                HORIZON);
        return c.differences().stream().map(d -> d.message(target.name())).toList();
    }

    @Nested
    class Faults {
        @Test
        void should_flag_a_restart_count_the_status_does_not_keep() {
            assertThat(differences(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), CRASH_LOOP)).containsExactly(
                    "container app restarted 4 times in the reference, 0 times on faulty-engine");
        }

        @Test
        void should_flag_an_app_that_starts_before_its_init_container_ends() {
            // The reference starts the app in the instant the init container exits: the trace's order says which came first.
            assertThat(differences(EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS), INIT_THEN_APP))
                    .containsExactly("the pod was Ready during 5000-30000 ms in the reference, was Ready during 0-30000 ms on "
                                    + "faulty-engine",
                            "init exited at 5000 ms before app started at 5000 ms in the reference, "
                                    + "app started at 0 ms before init exited at 5000 ms on faulty-engine");
        }

        @Test
        void should_flag_a_sidecar_stopped_with_the_app_instead_of_after_it() {
            assertThat(differences(EngineStandIn.faulty(Fault.SIDECARS_STOPPED_WITH_APP), SLOW_APP_WITH_SIDECAR))
                    .containsExactly(
                            "the pod's last phase was Succeeded since 24000 ms in the reference, "
                                    + "Succeeded since 23000 ms on faulty-engine",
                            "the pod was removed at 24000 ms in the reference, was removed at 23000 ms on faulty-engine",
                            "the pod was Ready during 0-23000 ms in the reference, was Ready during 0-21000 ms on faulty-engine",
                            "app exited at 23000 ms before side exited at 24000 ms in the reference, "
                            + "side exited at 21000 ms before app exited at 23000 ms on faulty-engine",
                            "container side ended at 24000 ms with exit code 0 in the reference, "
                                    + "ended at 21000 ms with exit code 0 on faulty-engine");
        }

        @Test
        void should_flag_a_failed_container_restarted_under_restartPolicy_Never() {
            String never = CRASH_LOOP.replace("spec:\n", "spec:\n  restartPolicy: Never\n");

            // The pod is Failed on both sides (a terminal phase is final); the container is not done on the faulty one.
            assertThat(differences(EngineStandIn.faulty(Fault.NEVER_RESTARTS_ANYWAY), never)).containsExactly(
                    "container app restarted 0 times in the reference, 4 times on faulty-engine",
                    "container app ended at 3000 ms with exit code 1 in the reference, never ended on faulty-engine");
        }

        @Test
        void should_flag_a_qos_class_that_ignores_the_init_containers() {
            String requests = INIT_THEN_APP.replace("- {name: init, image: busybox:1.36}",
                    "- {name: init, image: busybox:1.36, resources: {requests: {cpu: 100m}}}");

            assertThat(differences(EngineStandIn.faulty(Fault.QOS_IGNORES_INIT_CONTAINERS), requests)).containsExactly(
                    "the pod's QoS class was Burstable in the reference, BestEffort on faulty-engine");
        }

        @Test
        void should_not_flag_a_fault_that_changes_no_outcome_of_the_scenario() {
            // The back-off cap is 300 s: a 2-minute crash loop never reaches it.
            assertThat(differences(EngineStandIn.faulty(Fault.BACK_OFF_NOT_CAPPED), CRASH_LOOP)).isEmpty();
        }
    }

    @Nested
    class OrderWithinAnInstant {
        @Test
        void should_take_the_kubelets_order_within_an_instant_from_the_trace_not_from_the_spec() {
            // GIVEN the reference stops the sidecar in the instant the app exits (after it, in trace order),
            // WHEN a target's sidecar takes a second longer to stop
            String quick = SLOW_APP_WITH_SIDECAR.replace("exitAfter: 1s", "exitAfter: 0s")
                    .replace("exitAfter: 3s", "exitAfter: 0s");
            Scenario predicted = scenario(quick);
            Scenario slowSidecar = scenario(quick.replaceFirst("exitAfter: 0s", "exitAfter: 1s"));
            EngineStandIn target = EngineStandIn.faithful().lagging(0, Duration.ofMillis(500));
            Comparison c = Comparison.of(predicted, target.run(slowSidecar, HORIZON), target.observations(),
                    target.tolerance(), HORIZON);

            // THEN the times differ, but the order (app, then sidecar) is the reference's
            assertThat(c.differences()).extracting(Difference::fact)
                    .containsExactly(Difference.Fact.PHASE, Difference.Fact.REMOVED, Difference.Fact.ENDED);
        }
    }

    @Nested
    class Faithful {
        @Test
        void should_agree_with_itself_on_every_generated_scenario() {
            EngineStandIn faithful = EngineStandIn.faithful();
            Property.forAll(ScenarioGen.scenarios().map(Defaulting::apply)).trials(300).seed(11L)
                    .renderedWith(ScenarioWriter::toYaml)
                    .check(s -> assertThat(differences(faithful, s)).isEmpty());
        }

        @Test
        void should_agree_within_its_tolerance_when_every_time_lags_by_less() {
            EngineStandIn lagging = EngineStandIn.faithful().lagging(900, Duration.ofSeconds(1));
            Property.forAll(ScenarioGen.scenarios().map(Defaulting::apply)).trials(300).seed(12L)
                    .renderedWith(ScenarioWriter::toYaml)
                    .check(s -> assertThat(differences(lagging, s)).isEmpty());
        }
    }

    @Nested
    class Tolerance {
        @Test
        void should_match_a_trace_lagging_by_less_than_the_tolerance() {
            EngineStandIn lagging = EngineStandIn.faithful().lagging(1999, Duration.ofSeconds(2));

            assertThat(differences(lagging, INIT_THEN_APP)).isEmpty();
            assertThat(differences(lagging, SLOW_APP_WITH_SIDECAR)).isEmpty();
        }

        @Test
        void should_flag_a_trace_lagging_by_more_than_the_tolerance() {
            EngineStandIn lagging = EngineStandIn.faithful().lagging(2001, Duration.ofSeconds(2));

            assertThat(differences(lagging, INIT_THEN_APP)).containsExactly(
                    "the pod's last phase was Failed since 30000 ms in the reference, "
                            + "Failed since 32001 ms on faithful-engine",
                    "the pod was removed at 30000 ms in the reference, was removed at 32001 ms on faithful-engine",
                    "the pod was Ready during 5000-30000 ms in the reference, was Ready during 7001-32001 ms on "
                            + "faithful-engine",
                    "container init ended at 5000 ms with exit code 0 in the reference, "
                            + "ended at 7001 ms with exit code 0 on faithful-engine",
                    "container app ended at 30000 ms with exit code 143 in the reference, "
                            + "ended at 32001 ms with exit code 143 on faithful-engine");
        }

        @Test
        void should_allow_a_restart_within_the_tolerance_of_the_horizon_to_be_missing() {
            // The crash loop restarts at 3, 16, 39 and 82 s; lagging by 39 s pushes the last one past the 120 s horizon.
            EngineStandIn within = EngineStandIn.faithful().observing(EnumSet.of(Observation.CONTAINER_STATUSES))
                    .lagging(39_000, Duration.ofSeconds(40));
            EngineStandIn beyond = within.lagging(39_000, Duration.ofSeconds(30));

            assertThat(differences(within, CRASH_LOOP)).isEmpty();
            assertThat(differences(beyond, CRASH_LOOP))
                    .containsExactly("container app restarted 4 times in the reference, 3 times on faithful-engine");
        }
    }

    @Nested
    class Observations {
        @Test
        void should_ignore_restart_counts_a_target_without_container_statuses_cannot_see() {
            EnumSet<Observation> blind = EnumSet.allOf(Observation.class);
            blind.remove(Observation.CONTAINER_STATUSES);

            assertThat(differences(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET).observing(blind), CRASH_LOOP))
                    .isEmpty();
        }

        @Test
        void should_ignore_the_order_of_starts_a_target_without_container_statuses_cannot_see() {
            EngineStandIn phaseOnly = EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS)
                    .observing(EnumSet.of(Observation.PHASE, Observation.DELETION));

            assertThat(differences(phaseOnly, INIT_THEN_APP)).isEmpty();
        }

        @Test
        void should_compare_only_facts_both_outcomes_observed() {
            Scenario s = scenario(CRASH_LOOP);
            EngineStandIn faulty = EngineStandIn.faulty(Fault.RESTART_COUNT_RESET);
            Outcome predicted = Outcomes.of(EngineStandIn.faithful().run(s, HORIZON), s,
                    EnumSet.allOf(Observation.class), HORIZON);
            Outcome seen = Outcomes.of(faulty.run(s, HORIZON), s, EnumSet.of(Observation.PHASE), HORIZON);

            assertThat(seen.containers()).isEmpty();
            assertThat(Differential.compare(predicted, seen, Duration.ZERO)).isEmpty();
        }
    }
}
