package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.TargetArgs;
import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A live run holds a Lease in its namespace, renewed while it lives; 'clean' removes only what
 * belongs to runs whose lease has run out (or that never took one and are older than a lease).
 */
class RunLeaseTest {
    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private final Instant now = Instant.now();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void namespace(String name, String runId) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(runId == null ? Map.of() : Map.of("podcheck.dev/run", runId)).endMetadata().build()).create();
    }

    private void lease(String namespace, String runId, Instant renewed) {
        client.leases().inNamespace(namespace).resource(new LeaseBuilder().withNewMetadata()
                .withName("podcheck-run-" + runId).withLabels(Map.of("podcheck.dev/run", runId)).endMetadata()
                .withNewSpec().withHolderIdentity(runId).withLeaseDurationSeconds(60)
                .withRenewTime(RunLease.at(renewed)).endSpec().build()).create();
    }

    private void pod(String namespace, String name, String runId) {
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("podcheck.dev/run", runId)).endMetadata().withNewSpec().addNewContainer()
                .withName("app").withImage("busybox").endContainer().endSpec().build()).create();
    }

    @Nested
    class Clean {
        @Test
        void should_keep_the_namespace_of_a_run_whose_lease_is_renewed_and_remove_one_whose_lease_ran_out() throws Exception {
            namespace("podcheck-live", "live");
            lease("podcheck-live", "live", now.minusSeconds(10));
            namespace("podcheck-dead", "dead");
            lease("podcheck-dead", "dead", now.minus(Duration.ofMinutes(10)));

            assertThat(RunNamespace.clean(cluster.api(), null, now)).containsExactly("namespace/podcheck-dead");
            assertThat(client.namespaces().withName("podcheck-live").get()).isNotNull();
        }

        /** deploy/rbac-cluster.yaml binds podcheck's role only where it made the namespace: another run's is unreadable. */
        @Test
        void should_keep_a_run_namespace_whose_leases_it_may_not_read_and_clean_the_others() throws Exception {
            namespace("podcheck-others", "others");
            cluster.server().expect().get()
                    .withPath("/apis/coordination.k8s.io/v1/namespaces/podcheck-others/leases?labelSelector=podcheck.dev%2Frun")
                    .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                            .withMessage("leases.coordination.k8s.io is forbidden").build()).always();
            namespace("podcheck-dead", "dead");
            lease("podcheck-dead", "dead", now.minus(Duration.ofMinutes(10)));

            assertThat(RunNamespace.clean(cluster.api(), null, now.plus(Duration.ofMinutes(10))))
                    .containsExactly("namespace/podcheck-dead");
            assertThat(client.namespaces().withName("podcheck-others").get()).isNotNull();
        }

        @Test
        void should_keep_a_new_run_namespace_that_has_no_lease_yet_and_remove_an_old_one() throws Exception {
            namespace("podcheck-starting", "starting");

            assertThat(RunNamespace.clean(cluster.api(), null, now)).isEmpty();
            assertThat(RunNamespace.clean(cluster.api(), null, now.plus(Duration.ofMinutes(10))))
                    .containsExactly("namespace/podcheck-starting");
        }

        @Test
        void should_remove_only_the_pods_of_dead_runs_in_an_allowed_namespace() throws Exception {
            namespace("sandbox", null);
            pod("sandbox", "web-live-1", "live");
            lease("sandbox", "live", now.minusSeconds(5));
            pod("sandbox", "web-dead-1", "dead");
            lease("sandbox", "dead", now.minus(Duration.ofMinutes(10)));

            assertThat(RunNamespace.clean(cluster.api(), "sandbox", now)).containsExactly("pod/sandbox/web-dead-1",
                    "lease/sandbox/podcheck-run-dead");
            assertThat(client.pods().inNamespace("sandbox").list().getItems()).extracting(Pod::getMetadata)
                    .extracting(m -> m.getName()).containsExactly("web-live-1");
        }
    }

    @Nested
    class Holding {
        @Test
        void should_take_a_lease_in_the_run_namespace_and_renew_it_while_the_run_lives() throws TargetException {
            namespace("podcheck-r1", "r1");
            Instant[] clock = {now};

            try (RunLease lease = RunLease.take(cluster.api(), "podcheck-r1", "r1", () -> clock[0], Duration.ofHours(1))) {
                Lease taken = client.leases().inNamespace("podcheck-r1").withName("podcheck-run-r1").get();
                assertThat(taken.getSpec().getHolderIdentity()).isEqualTo("r1");
                assertThat(taken.getMetadata().getLabels()).containsEntry("podcheck.dev/run", "r1");

                clock[0] = now.plusSeconds(30);
                lease.renew();

                assertThat(client.leases().inNamespace("podcheck-r1").withName("podcheck-run-r1").get()
                        .getSpec().getRenewTime().toInstant()).isEqualTo(RunLease.at(now.plusSeconds(30)).toInstant());
            }
            assertThat(client.leases().inNamespace("podcheck-r1").withName("podcheck-run-r1").get()).isNull();
        }

        @Test
        void should_hold_a_lease_for_the_life_of_a_kubernetes_target() throws Exception {
            KubernetesTargetProvider provider = new KubernetesTargetProvider();
            java.nio.file.Path kubeconfig = java.nio.file.Files.createTempFile("kubeconfig", ".yaml");
            java.nio.file.Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: mock, cluster: {server: "%s"}}]
                    users: [{name: u, user: {token: t}}]
                    contexts: [{name: mock, context: {cluster: mock, user: u}}]
                    current-context: mock
                    """.formatted(client.getConfiguration().getMasterUrl()));
            TargetArgs.apply(provider, "--kubeconfig", kubeconfig.toString());

            try (var target = provider.open()) {
                String namespace = ((KubernetesTarget) target).namespace();
                assertThat(client.leases().inNamespace(namespace).list().getItems()).hasSize(1);
                assertThat(RunNamespace.clean(cluster.api(), null, Instant.now())).isEmpty();
            } finally {
                java.nio.file.Files.deleteIfExists(kubeconfig);
            }
        }
    }
}
