package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.observe.ApiView;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole loop without a cluster: the target runs a scenario against the mock API while the
 * engine, as {@link FakeKubelet}, writes what a kubelet would; the trace the target rebuilds from
 * what it watched must be the engine's own, as far as an API observer can know it ({@link ApiView}).
 */
class KubernetesTargetE2eTest {
    private static final Duration HORIZON = Duration.ofSeconds(150);

    private MockCluster cluster;
    private FakeKubelet kubelet;
    private KubernetesTarget target;

    @BeforeEach
    void open() throws TargetException {
        cluster = new MockCluster();
        ClusterApi api = cluster.ownApi();
        RunNamespace namespace = RunNamespace.create(api, "podcheck", "e2e");
        kubelet = new FakeKubelet(cluster, namespace.name(), HORIZON);
        target = new KubernetesTarget(api, namespace, "busybox:1.36", Duration.ofSeconds(60), kubelet);
    }

    @AfterEach
    void close() {
        target.close();
        cluster.close();
    }

    private static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    /**
     * The trace one event a line, the events of each millisecond sorted: nothing an API observer
     * sees orders what happened within one millisecond (the watch, the Events and the reports are
     * three streams), and the engine's own order there is its scheduler's.
     */
    private static String lines(Trace trace) {
        return trace.events().stream().sorted(Comparator.comparingLong(TraceEvent::at)
                .thenComparing(TraceEvent::toString)).map(TraceEvent::toString).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: crash
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {exit: {after: 5s, code: 1}}
            spec:
              containers:
              - {name: app, image: busybox:1.36}
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: job
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    init: {exit: {after: 2s, code: 0}}
                    app: {exit: {after: 3s, code: 0}}
            spec:
              restartPolicy: Never
              initContainers:
              - {name: init, image: busybox:1.36}
              containers:
              - {name: app, image: busybox:1.36}
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: graceful
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app:
                      onSigterm: {exitAfter: 2s, code: 0}
                      preStop: {takes: 1s}
                  events:
                  - deletePod: {at: 10s, gracePeriodSeconds: 5}
            spec:
              containers:
              - name: app
                image: busybox:1.36
                lifecycle:
                  preStop:
                    exec: {command: ["sh", "-c", "sleep 1"]}
            """, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    migrate: {exit: {after: 3s, code: 0}}
                    app:
                      readiness: [{from: 5s}]
                      liveness: [{until: 40s}]
                      onSigterm: {exitAfter: 2s, code: 0}
                      preStop: {takes: 1s}
                  events:
                  - deletePod: {at: 2m}
            spec:
              initContainers:
              - {name: migrate, image: busybox:1.36}
              - {name: logs, image: busybox:1.36, restartPolicy: Always}
              containers:
              - name: app
                image: busybox:1.36
                readinessProbe:
                  exec: {command: ["cat", "/tmp/ready"]}
                  periodSeconds: 5
                livenessProbe:
                  exec: {command: ["cat", "/tmp/healthy"]}
                  periodSeconds: 10
                  failureThreshold: 3
                lifecycle:
                  preStop:
                    exec: {command: ["sh", "-c", "sleep 1"]}
            """})
    void should_rebuild_the_engines_trace_as_an_api_observer_sees_it(String yaml) throws TargetException {
        Scenario scenario = scenario(yaml);
        kubelet.expect(scenario);

        Trace observed = target.run(scenario, HORIZON);

        assertThat(lines(observed)).as("the rebuilt trace against the engine's API view")
                .isEqualTo(lines(apiView(scenario)));
    }

    /**
     * A force deletion removes the API object at once: the container still gets its SIGTERM on the
     * node, but its report (in a log no longer served) is gone with the pod. ApiView keeps that
     * SIGTERM; the rebuilt trace cannot have it.
     */
    @Test
    void should_rebuild_a_force_deletion_but_for_the_sigterm_whose_report_went_with_the_pod() throws TargetException {
        Scenario scenario = scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: forced
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - deletePod: {at: 8s, force: true}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36}
                """);
        kubelet.expect(scenario);

        Trace observed = target.run(scenario, HORIZON);

        Trace expected = apiView(scenario);
        assertThat(expected.all(TraceEvent.SignalSent.class)).extracting(TraceEvent.SignalSent::at).containsExactly(8000L);
        assertThat(lines(observed)).isEqualTo(lines(new Trace(expected.events().stream()
                .filter(e -> !(e instanceof TraceEvent.SignalSent)).toList())));
    }

    private Trace apiView(Scenario scenario) {
        long created = kubelet.createdEpochMillis(scenario.pod().metadata().name() + "-1");
        return ApiView.of(Engine.simulate(scenario, EngineOptions.DEFAULT.withHorizon(HORIZON)), created);
    }
}
