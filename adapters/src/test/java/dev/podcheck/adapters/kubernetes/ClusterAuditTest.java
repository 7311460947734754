package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.audit.Audit;
import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.AuditScope;
import dev.podcheck.conformance.audit.InvariantAudit;
import dev.podcheck.conformance.audit.Watched;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterAuditTest {
    private final MockCluster cluster = new MockCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    private static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    private AuditResult audit(Scenario scenario, Duration horizon, Set<Fault> faults) throws Exception {
        RecordedHistory history = new RecordedHistory(cluster.client(), "audited", scenario, horizon, faults);
        AuditScope scope = new AuditScope(null, null, false, "audited", false, null, horizon, true);
        Watched watched = KubernetesAuditProvider.watch(cluster.api(), history, scope, "the mock", Profile.DEFAULT);
        return Audit.judge(watched, Catalogue.all());
    }

    private static List<String> violated(AuditResult result) {
        return result.violated().stream().map(r -> r.invariant().id()).toList();
    }

    static final String INIT_THEN_APP = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    setup: [{exit: {after: 5s, code: 0}}]
                    app: [{times: 3, exit: {after: 2s, code: 1}}]
            spec:
              initContainers:
              - {name: setup, image: busybox:1.36}
              containers:
              - {name: app, image: busybox:1.36}
            """;

    @Nested
    class Recorded_histories {
        @Test
        void should_find_no_violation_in_a_faithful_history_and_say_what_it_judged() throws Exception {
            AuditResult result = audit(scenario(INIT_THEN_APP), Duration.ofMinutes(2), Set.of());

            assertThat(violated(result)).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(result.judged()).extracting(r -> r.invariant().id())
                    .contains("init/order", "restart/backoff", "restart/count-monotone", "qos/class", "phase/terminal-is-final");
            assertThat(result.invariants()).filteredOn(r -> r.invariant().id().equals("status/termination-message-reported"))
                    .extracting(InvariantAudit::firstUnknown).containsExactly("the target cannot observe [BEHAVIOURS]");
        }

        static Stream<Arguments> faults() {
            return Stream.of(
                    Arguments.of(Fault.APP_STARTS_BEFORE_INIT_ENDS, INIT_THEN_APP, "init/order"),
                    Arguments.of(Fault.BACK_OFF_NOT_GROWING, INIT_THEN_APP, "restart/backoff"),
                    Arguments.of(Fault.NEVER_RESTARTS_ANYWAY, crashing("Never", 1), "restart/never"),
                    Arguments.of(Fault.ON_FAILURE_RESTARTS_AFTER_SUCCESS, crashing("OnFailure", 0), "restart/on-failure"),
                    Arguments.of(Fault.QOS_IGNORES_INIT_CONTAINERS, """
                            apiVersion: v1
                            kind: Pod
                            metadata: {name: qos}
                            spec:
                              initContainers:
                              - {name: setup, image: busybox:1.36, resources: {requests: {cpu: 10m}}}
                              containers:
                              - {name: app, image: busybox:1.36}
                            """, "qos/class"),
                    Arguments.of(Fault.ACTIVE_DEADLINE_IGNORED, """
                            apiVersion: v1
                            kind: Pod
                            metadata: {name: deadline}
                            spec:
                              activeDeadlineSeconds: 20
                              containers:
                              - {name: app, image: busybox:1.36}
                            """, "deadline/active-deadline"));
        }

        @ParameterizedTest(name = "{0} -> {2}")
        @MethodSource("faults")
        void should_report_the_invariant_a_faulty_kubelets_history_breaks(Fault fault, String yaml, String invariant)
                throws Exception {
            AuditResult result = audit(scenario(yaml), Duration.ofMinutes(2), EnumSet.of(fault));

            assertThat(violated(result)).contains(invariant);
            assertThat(result.exitCode()).isEqualTo(1);
        }

        private static String crashing(String restartPolicy, int code) {
            return """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: crash
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            app: [{exit: {after: 3s, code: %d}}]
                    spec:
                      restartPolicy: %s
                      containers:
                      - {name: app, image: busybox:1.36}
                    """.formatted(code, restartPolicy);
        }
    }

    @Nested
    class Read_only {
        /** Every request the audit sends, recorded by the mock: list, watch and get only, never a write. */
        @Test
        void should_only_list_and_watch_pods_and_events() throws Exception {
            cluster.client().pods().inNamespace("audited").resource(new PodBuilder().withNewMetadata().withName("there")
                    .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("busybox:1.36").endContainer()
                    .endSpec().build()).create();
            drain();
            TrialClock clock = new TrialClock() {
                private long now = System.currentTimeMillis();

                @Override
                public long now() {
                    return now;
                }

                @Override
                public void waitOn(Object monitor, long until) throws InterruptedException {
                    monitor.wait(300);
                    now = until;
                }
            };

            Watched watched = KubernetesAuditProvider.watch(cluster.api(), clock,
                    new AuditScope(null, null, false, "audited", false, "app=web", Duration.ofMinutes(1), false), "the mock", Profile.DEFAULT);

            List<ApiAccess> accesses = drain().stream().map(r -> ApiAccess.of(r.getMethod(), r.getPath())).toList();
            assertThat(accesses).extracting(ApiAccess::verb).isNotEmpty().allMatch(v -> Set.of("get", "list", "watch").contains(v));
            assertThat(accesses).extracting(ApiAccess::grant).contains("list /pods", "watch /pods", "list /events",
                    "watch /events");
            assertThat(watched.pods()).isEmpty(); // the one pod there lacks the label app=web
            // deploy/rbac-audit.yaml grants exactly what was used, in every namespace
            List<ApiAccess.Grant> grants = ApiAccess.grants(rbac(), "podcheck", "podcheck-audit");
            assertThat(accesses).allMatch(a -> grants.stream().anyMatch(g -> g.allows(a)));
            assertThat(grants.stream().flatMap(g -> g.grants().stream()).collect(Collectors.toSet()))
                    .isEqualTo(accesses.stream().map(ApiAccess::grant).collect(Collectors.toSet()));
        }

        private List<HasMetadata> rbac() throws IOException {
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("user.dir")).getParent().resolve("deploy").resolve("rbac-audit.yaml"))) {
                return cluster.client().load(in).items();
            }
        }

        private List<RecordedRequest> drain() throws InterruptedException {
            List<RecordedRequest> all = new ArrayList<>();
            for (RecordedRequest r; (r = cluster.server().takeRequest(200, TimeUnit.MILLISECONDS)) != null; ) {
                all.add(r);
            }
            return all;
        }
    }
}
