package dev.podcheck.conformance.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Timing;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import java.util.Set;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The comparison with the reference, driven by the engine standing in for a real target: with a
 * fault it must differ where the fault changes an outcome, faithful it must agree, lagging from
 * cause to effect within its timing it must agree however long the chain, each fact must catch a
 * trace changed just beyond its bound, and it must keep to what the target observes.
 */
class DifferentialTest {
    /**
     * What a real target runs, the only scenarios a differential ever compares: no kubelet restart or sandbox loss,
     * which the real targets refuse (render.UnsupportedFeatures).
     */
    static final Size REAL = Size.DEFAULT.withNodeDisruptions(false);

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

    /** reaction 300 ms, start latency 700 ms, event batching 500 ms, exact clock. */
    static final Timing TIMING = Timing.reactingWithin(Duration.ofMillis(300)).withStartLatency(Duration.ofMillis(700))
            .withEventBatching(Duration.ofMillis(500));
    static final long START = 1000;
    static final long RUN = 300;
    static final long STOP = 1000;
    static final long STATUS = 800;

    static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    static Trace reference(Scenario s) {
        return Engine.simulate(s, EngineOptions.DEFAULT.withHorizon(HORIZON));
    }

    static List<String> differences(EngineStandIn target, String yaml) {
        return differences(target, scenario(yaml));
    }

    static List<String> differences(EngineStandIn target, Scenario defaulted) {
        Comparison c = Comparison.of(defaulted, target.run(defaulted, HORIZON), target.observations(), target.timing(),
                HORIZON);
        return c.differences().stream().map(d -> d.message(target.name())).toList();
    }

    /** The differences of an edited reference trace, seen with {@code observations} and {@link #TIMING}. */
    static List<Difference> compared(Scenario s, Trace observed, Set<Observation> observations) {
        return Comparison.of(s, observed, observations, TIMING, HORIZON).differences();
    }

    static List<Fact> facts(Scenario s, Trace observed, Set<Observation> observations) {
        return compared(s, observed, observations).stream().map(Difference::fact).toList();
    }

    static final Set<Observation> STATUSES = EnumSet.of(Observation.CONTAINER_STATUSES);

    @Nested
    class Faults {
        @Test
        void should_flag_a_restart_count_the_status_does_not_keep() {
            assertThat(differences(EngineStandIn.faulty(Fault.RESTART_COUNT_RESET), CRASH_LOOP)).containsExactly(
                    "differs/restart-count: container app's restartCount was 4 in the reference, 0 on faulty-engine "
                            + "(allowed 4)");
        }

        @Test
        void should_flag_an_app_that_starts_before_its_init_container_ends() {
            assertThat(differences(EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS), INIT_THEN_APP))
                    .containsExactly(
                            "differs/init-order: init completed before app started: init completed at 5000 ms, app "
                                    + "started at 5000 ms in the reference, init completed at 5000 ms, app started at "
                                    + "0 ms on faulty-engine (allowed the same order, or within 0 ms of each other)",
                            "differs/start-interval: container app first started after init let it by 0 ms in the "
                                    + "reference, -5000 ms on faulty-engine (allowed 0..0 ms)");
        }

        @Test
        void should_flag_a_sidecar_stopped_with_the_app_instead_of_after_it() {
            assertThat(EngineStandIn.faulty(Fault.SIDECARS_STOPPED_WITH_APP).facts(scenario(SLOW_APP_WITH_SIDECAR)))
                    .contains(Fact.SIDECAR_ORDER, Fact.STOP_INTERVAL);
        }

        @Test
        void should_flag_a_failed_container_restarted_under_restartPolicy_Never() {
            String never = CRASH_LOOP.replace("spec:\n", "spec:\n  restartPolicy: Never\n");

            assertThat(EngineStandIn.faulty(Fault.NEVER_RESTARTS_ANYWAY).facts(scenario(never)))
                    .containsExactly(Fact.RESTART_COUNT);
        }

        @Test
        void should_flag_a_qos_class_that_ignores_the_init_containers() {
            String requests = INIT_THEN_APP.replace("- {name: init, image: busybox:1.36}",
                    "- {name: init, image: busybox:1.36, resources: {requests: {cpu: 100m}}}");

            assertThat(differences(EngineStandIn.faulty(Fault.QOS_IGNORES_INIT_CONTAINERS), requests)).containsExactly(
                    "differs/qos-class: the pod's QoS class was Burstable in the reference, BestEffort on "
                            + "faulty-engine (allowed Burstable)");
        }

        @Test
        void should_not_flag_a_fault_that_changes_no_outcome_of_the_scenario() {
            // The back-off cap is 300 s: a 2-minute crash loop never reaches it.
            assertThat(differences(EngineStandIn.faulty(Fault.BACK_OFF_NOT_CAPPED), CRASH_LOOP)).isEmpty();
        }
    }

    @Nested
    class Faithful {
        @Test
        void should_agree_with_itself_on_every_generated_scenario() {
            EngineStandIn faithful = EngineStandIn.faithful();
            Property.forAll(ScenarioGen.scenarios(REAL).map(Defaulting::apply)).trials(300).seed(11L)
                    .renderedWith(ScenarioWriter::toYaml)
                    .check(s -> assertThat(differences(faithful, s)).isEmpty());
        }

        @Test
        void should_agree_when_every_time_lags_the_pods_creation_by_the_first_starts_freedom() {
            // A constant lag is one late first start: every other step keeps its distance from its cause.
            EngineStandIn lagging = EngineStandIn.faithful().lagging(900, Duration.ofSeconds(1));
            Property.forAll(ScenarioGen.scenarios(REAL).map(Defaulting::apply)).trials(300).seed(12L)
                    .renderedWith(ScenarioWriter::toYaml)
                    .check(s -> assertThat(differences(lagging, s)).isEmpty());
        }
    }

    /** Latency injected between each cause and its effect, up to the timing's bound, carried along every chain. */
    @Nested
    class CausalLatency {
        @Test
        void should_never_differ_when_each_start_and_exit_lags_its_cause_within_the_timing() {
            // GIVEN scenarios without a stop (their stops are the next test's), WHEN each start lags its cause by up
            // to 1 s and each run by up to 0.3 s, chained along init containers and restarts
            Property.forAll(ScenarioGen.scenarios(REAL).map(Defaulting::apply).map(DifferentialTest::withoutStop))
                    .trials(300).seed(21L).renderedWith(ScenarioWriter::toYaml)
                    .check(s -> {
                        Trace reference = reference(s);
                        if (CausalLag.twoInstancesInOneMillisecond(reference, s)) {
                            return; // the fixture tells instances apart by startedAt only
                        }
                        Trace lagged = new CausalLag(START, RUN, 0, 0, s.hashCode()).apply(reference, s,
                                HORIZON.toMillis());
                        // THEN no fact differs
                        assertThat(compared(s, lagged, EnumSet.allOf(Observation.class))).isEmpty();
                    });
        }

        @Test
        void should_never_differ_when_each_stop_and_the_removal_lag_their_cause_within_the_timing() {
            Property.forAll(ScenarioGen.scenarios(REAL).map(Defaulting::apply)).trials(300).seed(22L)
                    .renderedWith(ScenarioWriter::toYaml)
                    .check(s -> {
                        Trace lagged = new CausalLag(0, 0, STOP, STATUS, s.hashCode()).apply(reference(s), s,
                                HORIZON.toMillis());
                        assertThat(compared(s, lagged, EnumSet.allOf(Observation.class))).isEmpty();
                    });
        }

        @Test
        void should_never_differ_with_a_kubelets_timing_and_a_clock_cut_to_the_second() {
            // GIVEN a kubelet's freedoms (reaction 2 s, start 2 s, the API's 1 s clock), WHEN every start lags by up
            // to 4 s along the chain, every run by up to 2 s, and the carried times are cut to the second
            Timing kubelet = Timing.reactingWithin(Duration.ofSeconds(2)).withStartLatency(Duration.ofSeconds(2))
                    .withEventBatching(Duration.ofSeconds(2)).withClockResolution(Duration.ofSeconds(1));
            Property.forAll(ScenarioGen.scenarios(REAL).map(Defaulting::apply).map(DifferentialTest::withoutStop))
                    .trials(200).seed(23L).renderedWith(ScenarioWriter::toYaml)
                    .check(s -> {
                        Trace reference = reference(s);
                        if (CausalLag.twoInstancesInOneMillisecond(reference, s)) {
                            return; // the fixture tells instances apart by startedAt only
                        }
                        Trace lagged = CausalLag.cut(new CausalLag(4000, 2000, 0, 0, s.hashCode()).apply(reference, s,
                                HORIZON.toMillis()), 1000);
                        // THEN no fact differs
                        assertThat(Comparison.of(s, lagged, EnumSet.allOf(Observation.class), kubelet, HORIZON)
                                .differences()).isEmpty();
                    });
        }

        @Test
        void should_not_accumulate_latency_along_a_chain_of_init_containers() {
            // GIVEN five init containers of 2 s each, WHEN each starts 1 s late (5 s late at the end)
            String chain = """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: chain
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init: [{exit: {after: 2s, code: 0}}]
                            init-2: [{exit: {after: 2s, code: 0}}]
                            init-3: [{exit: {after: 2s, code: 0}}]
                            init-4: [{exit: {after: 2s, code: 0}}]
                            init-5: [{exit: {after: 2s, code: 0}}]
                    spec:
                      initContainers:
                      - {name: init, image: busybox:1.36}
                      - {name: init-2, image: busybox:1.36}
                      - {name: init-3, image: busybox:1.36}
                      - {name: init-4, image: busybox:1.36}
                      - {name: init-5, image: busybox:1.36}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """;
            Scenario s = scenario(chain);
            Trace lagged = reference(s);
            for (String later : List.of("init", "init-2", "init-3", "init-4", "init-5", "app")) {
                List<String> from = List.of("init", "init-2", "init-3", "init-4", "init-5", "app");
                List<String> shifted = from.subList(from.indexOf(later), from.size());
                lagged = Edits.delay(lagged, e -> Retimed.container(e) != null && shifted.contains(Retimed.container(e)),
                        0, Long.MAX_VALUE, START);
            }

            // THEN nothing differs: each start is 1 s after its cause, though the app starts 6 s late
            assertThat(compared(s, lagged, STATUSES)).isEmpty();
            assertThat(Outcomes.of(lagged, s, STATUSES, HORIZON).container("app").first().orElseThrow().startedAt())
                    .isEqualTo(10_000 + 6 * START);
        }
    }

    static final Set<Observation> READY_VIEW = EnumSet.of(Observation.CONTAINER_STATUSES, Observation.CONDITIONS);
    static final java.util.function.Predicate<TraceEvent> READY_APP = e -> e instanceof TraceEvent.ContainerStatusChanged c
            && c.status().name().equals("app") && c.status().ready();

    /** INIT_THEN_APP with a readiness probe on app: an exec probe with {@code fields} besides. */
    static Scenario appWithReadiness(String fields) {
        return scenario(INIT_THEN_APP.replace("- {name: app, image: busybox:1.36}",
                "- {name: app, image: busybox:1.36, readinessProbe: {exec: {command: [\"true\"]}, " + fields + "}}"));
    }

    /** Each fact catches a trace changed just beyond its bound, and lets one changed up to it pass. */
    @Nested
    class Bounds {
        final Scenario initThenApp = scenario(INIT_THEN_APP);
        final Scenario crashLoop = scenario(CRASH_LOOP);

        @Test
        void start_interval() {
            Trace t = reference(initThenApp);

            assertThat(facts(initThenApp, Edits.delay(t, Edits.of("app"), 5000, 30_000, START), STATUSES)).isEmpty();
            assertThat(facts(initThenApp, Edits.delay(t, Edits.of("app"), 5000, 30_000, START + 1), STATUSES))
                    .containsExactly(Fact.START_INTERVAL);
        }

        @Test
        void run_time() {
            Trace t = reference(initThenApp);

            assertThat(facts(initThenApp, Edits.delayAll(t, 5000, 30_000, RUN), STATUSES)).isEmpty();
            assertThat(compared(initThenApp, Edits.delayAll(t, 5000, 30_000, RUN + 1), STATUSES))
                    .extracting(d -> d.message("t")).containsExactly("differs/run-time: container init (instance 0) "
                            + "ran for 5000 ms in the reference, 5301 ms on t (allowed 5000..5300 ms)");
        }

        @Test
        void exit_code() {
            Trace t = Edits.terminations(reference(crashLoop), x -> x.startedAt() == 0
                    ? new ContainerState.Terminated(2, x.reason(), x.signal(), x.startedAt(), x.finishedAt()) : x);

            assertThat(compared(crashLoop, t, STATUSES)).extracting(d -> d.message("t")).containsExactly(
                    "differs/exit-code: container app (instance 0) exited on its own with code 1 in the reference, "
                            + "2 on t (allowed 1)");
        }

        @Test
        void restart_interval() {
            Trace t = reference(crashLoop);

            // the second restart: 10 s after the exit at 6 s
            assertThat(facts(crashLoop, Edits.delayAll(t, 16_000, Long.MAX_VALUE, START), STATUSES)).isEmpty();
            assertThat(facts(crashLoop, Edits.delayAll(t, 16_000, Long.MAX_VALUE, START + 1), STATUSES))
                    .containsExactly(Fact.RESTART_INTERVAL);
        }

        @Test
        void restart_count_when_restarts_are_dropped() {
            // GIVEN the app's first exit at 3 s, WHEN no restart of it shows (the reference restarts it at once)
            Trace t = Edits.without(reference(crashLoop), e -> "app".equals(Retimed.container(e)) && (e.at() > 3000
                    || e instanceof TraceEvent.ContainerStatusChanged c && c.status().restartCount() > 0));

            assertThat(compared(crashLoop, t, STATUSES)).extracting(d -> d.message("t")).containsExactly(
                    "differs/restart-count: container app's restartCount was 4 in the reference, 0 on t "
                            + "(allowed 1..4)");
        }

        @Test
        void stop_interval() {
            Trace t = reference(initThenApp);

            assertThat(facts(initThenApp, Edits.delay(t, Edits.of("app"), 30_000, Long.MAX_VALUE, STOP), STATUSES))
                    .isEmpty();
            assertThat(facts(initThenApp, Edits.delay(t, Edits.of("app"), 30_000, Long.MAX_VALUE, STOP + 1), STATUSES))
                    .containsExactly(Fact.STOP_INTERVAL);
        }

        /**
         * A deletion a moment after an exit: the reference restarted the app at once, a real kubelet was still
         * restarting it (seen on kubelet v1.34, seed 1 trial 36), so the instances running at the deletion are not
         * the same one and their stops are not compared; the restart is, within the target's timing.
         */
        @Test
        void stop_interval_only_of_the_same_instance() {
            // GIVEN an app that fails after 3 s once, then ignores SIGTERM, deleted 500 ms after that failure
            Scenario deletedAfterAnExit = scenario(CRASH_LOOP.replace("- exit: {after: 3s, code: 1}",
                    "- {times: 1, exit: {after: 3s, code: 1}}\n        - {onSigterm: ignore}"
                            + "\n      events:\n      - deletePod: {at: 3500ms}"));
            // WHEN the target shows the failure, but no restart by the deletion
            Trace notRestarted = Edits.without(reference(deletedAfterAnExit), e -> "app".equals(Retimed.container(e))
                    && e.at() >= 3000 && !(e instanceof TraceEvent.ContainerStatusChanged c
                    && c.status().restartCount() == 0 && c.status().state() instanceof ContainerState.Terminated));
            Timing secondClock = TIMING.withClockResolution(Duration.ofSeconds(1));

            // THEN the failure, 500 ms before the deletion, is not taken for the stop the reference's restarted
            // instance makes 30 s after it
            assertThat(Comparison.of(deletedAfterAnExit, notRestarted, STATUSES, secondClock, HORIZON).differences())
                    .extracting(Difference::fact).doesNotContain(Fact.STOP_INTERVAL, Fact.EXIT_CODE);
        }

        @Test
        void removal() {
            Trace t = reference(initThenApp);
            Set<Observation> removal = EnumSet.of(Observation.CONTAINER_STATUSES, Observation.DELETION);
            java.util.function.Predicate<TraceEvent> removed = TraceEvent.PodRemoved.class::isInstance;

            assertThat(facts(initThenApp, Edits.delay(t, removed, 30_000, Long.MAX_VALUE, STATUS), removal)).isEmpty();
            assertThat(facts(initThenApp, Edits.delay(t, removed, 30_000, Long.MAX_VALUE, STATUS + 1), removal))
                    .containsExactly(Fact.REMOVAL);
        }

        @Test
        void ready() {
            // GIVEN an app whose readiness probe passes 10 s after its start
            Scenario probed = appWithReadiness("initialDelaySeconds: 10, periodSeconds: 5");
            Trace t = reference(probed);
            long bound = STATUS + 5000; // the status, and the probe ticker's phase within its period

            assertThat(facts(probed, Edits.delay(t, READY_APP, 15_000, 16_000, bound), READY_VIEW)).isEmpty();
            assertThat(facts(probed, Edits.delay(t, READY_APP, 15_000, 16_000, bound + 1), READY_VIEW))
                    .containsExactly(Fact.READY);
        }

        /** A kubelet runs the readiness probe at every SyncPod while not ready: its successes may come together. */
        @Test
        void ready_right_after_the_start_despite_a_success_threshold() {
            Scenario probed = appWithReadiness("periodSeconds: 5, successThreshold: 3");
            Trace t = reference(probed);
            long readyAt = t.all(TraceEvent.ContainerStatusChanged.class).filter(READY_APP::test).findFirst()
                    .orElseThrow().at();
            long startedAt = t.all(TraceEvent.ContainerStatusChanged.class).filter(e -> e.status().name().equals("app")
                    && e.status().isRunning()).findFirst().orElseThrow().at();

            assertThat(readyAt - startedAt).isEqualTo(10_000); // three runs, 5 s apart
            assertThat(Comparison.of(probed, Edits.delay(t, READY_APP, readyAt, readyAt + 1, startedAt - readyAt),
                    READY_VIEW, TIMING.withProbePhase(), HORIZON).differences()).isEmpty();
        }

        /** A probe ticks at its own phase: ready up to a period sooner than the reference is no difference. */
        @Test
        void ready_sooner_within_the_probe_period() {
            Scenario probed = appWithReadiness("initialDelaySeconds: 10, periodSeconds: 5");
            Trace t = reference(probed);
            long sooner = 5000 + TIMING.clockResolution().toMillis(); // one period, and the clock either way
            Timing kubelet = TIMING.withProbePhase();

            assertThat(Comparison.of(probed, Edits.delay(t, READY_APP, 15_000, 16_000, -sooner), READY_VIEW, kubelet,
                    HORIZON).differences()).isEmpty();
            assertThat(Comparison.of(probed, Edits.delay(t, READY_APP, 15_000, 16_000, -sooner - 1), READY_VIEW, kubelet,
                    HORIZON).differences()).extracting(Difference::fact).containsExactly(Fact.READY);
            // a target whose probes tick at the reference's phase has no such freedom
            assertThat(facts(probed, Edits.delay(t, READY_APP, 15_000, 16_000, -1000), READY_VIEW))
                    .containsExactly(Fact.READY);
        }

        @Test
        void phase() {
            Trace t = new Trace(reference(initThenApp).events().stream().map(e -> e instanceof TraceEvent.PodPhaseChanged p
                    && p.phase() == PodPhase.Failed ? new TraceEvent.PodPhaseChanged(p.at(), PodPhase.Succeeded, "", "")
                    : e).toList());

            assertThat(facts(initThenApp, t, EnumSet.of(Observation.PHASE))).containsExactly(Fact.PHASE);
        }

        @Test
        void init_order_within_one_instant_is_the_traces() {
            assertThat(EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS).observing(STATUSES)
                    .facts(initThenApp)).contains(Fact.INIT_ORDER);
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
            assertThat(Differential.compare(s, predicted, seen, Timing.EXACT)).isEmpty();
        }
    }

    /**
     * The scenario with no deletion, no node pressure, no active deadline and no disk or volume writes (a local storage
     * eviction is a stop too): nothing asks the pod to stop.
     */
    static Scenario withoutStop(Scenario s) {
        PodSpec spec = s.pod().spec().withActiveDeadlineSeconds(null);
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>();
        s.behaviours().forEach((name, b) -> behaviours.put(name, new ContainerBehaviour(b.instances().stream()
                .map(i -> i.withDisk(List.of()).withVolumes(Map.of())).toList())));
        return new Scenario(s.pod().withSpec(spec), behaviours, List.of());
    }
}
