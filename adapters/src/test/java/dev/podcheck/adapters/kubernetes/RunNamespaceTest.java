package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunNamespaceTest {
    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void namespace(String name, Map<String, String> labels) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
                .endMetadata().build()).create();
    }

    private void pod(String namespace, String name, Map<String, String> labels) {
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name)
                .withLabels(labels).endMetadata().withNewSpec().addNewContainer().withName("app").withImage("busybox")
                .endContainer().endSpec().build()).create();
    }

    private boolean exists(String namespace) {
        return client.namespaces().withName(namespace).get() != null;
    }

    @Nested
    class Open {
        @Test
        void should_create_the_run_namespace_labelled_with_the_run_id() throws TargetException {
            RunNamespace ns = RunNamespace.create(cluster.api(), "podcheck", "r1");

            Namespace created = client.namespaces().withName("podcheck-r1").get();
            assertThat(ns.name()).isEqualTo("podcheck-r1");
            assertThat(created.getMetadata().getLabels()).containsEntry("podcheck.dev/run", "r1");
            assertThat(ns.podLabels()).containsExactly(Map.entry("podcheck.dev/run", "r1"));
        }

        @Test
        void should_refuse_an_existing_namespace_that_is_not_this_runs() {
            namespace("podcheck-r1", Map.of("team", "payments"));

            assertThatThrownBy(() -> RunNamespace.create(cluster.api(), "podcheck", "r1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("namespace podcheck-r1 already exists and is not this run's (no podcheck.dev/run=r1"
                            + " label): podcheck does not use it");
        }

        @Test
        void should_refuse_a_prefix_that_makes_no_namespace_name() {
            assertThatThrownBy(() -> RunNamespace.create(cluster.api(), "Pod_Check", "r1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("namespace prefix \"Pod_Check\" gives Pod_Check-r1, not a valid namespace name");
            assertThat(exists("Pod_Check-r1")).isFalse();
        }

        @Test
        void should_refuse_kube_system_and_default_unless_named_with_allow_namespace() throws TargetException {
            for (String name : new String[] {"kube-system", "default"}) {
                assertThatThrownBy(() -> RunNamespace.refuseProtected(name))
                        .hasMessage("podcheck does not run in " + name + " unless told to with --allow-namespace " + name);
            }
            namespace("default", Map.of());

            assertThat(RunNamespace.adopt(cluster.api(), "default", "r1").name()).isEqualTo("default");
        }

        @Test
        void should_refuse_an_allowed_namespace_that_does_not_exist() {
            // The apiserver answers 404 for an object in a namespace that does not exist; the mock does not.
            cluster.server().expect().post().withPath("/apis/coordination.k8s.io/v1/namespaces/sandbox/leases")
                    .andReturn(404, new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(404)
                            .withReason("NotFound").withMessage("namespaces \"sandbox\" not found").build()).always();
            RunNamespace adopted = RunNamespace.adopt(cluster.api(), "sandbox", "r1");

            assertThatThrownBy(() -> RunLease.take(cluster.api(), adopted.name(), "r1", java.time.Instant::now,
                    java.time.Duration.ofHours(1))).hasMessage("namespace sandbox does not exist");
        }
    }

    @Nested
    class Close {
        @Test
        void should_delete_its_own_namespace() throws TargetException {
            RunNamespace ns = RunNamespace.create(cluster.api(), "podcheck", "r1");

            assertThat(ns.delete()).containsExactly("namespace/podcheck-r1");
            assertThat(exists("podcheck-r1")).isFalse();
        }

        @Test
        void should_not_delete_its_namespace_once_it_lost_the_run_label() throws TargetException {
            RunNamespace ns = RunNamespace.create(cluster.api(), "podcheck", "r1");
            client.namespaces().withName("podcheck-r1").edit(n -> {
                n.getMetadata().getLabels().remove("podcheck.dev/run");
                return n;
            });

            assertThat(ns.delete()).isEmpty();
            assertThat(exists("podcheck-r1")).isTrue();
        }

        @Test
        void should_delete_only_its_own_pods_in_an_allowed_namespace_and_keep_the_namespace() throws TargetException {
            namespace("sandbox", Map.of());
            pod("sandbox", "mine", Map.of("podcheck.dev/run", "r1"));
            pod("sandbox", "other-run", Map.of("podcheck.dev/run", "r0"));
            pod("sandbox", "theirs", Map.of("app", "web"));

            assertThat(RunNamespace.adopt(cluster.api(), "sandbox", "r1").delete()).containsExactly("pod/sandbox/mine");
            assertThat(client.pods().inNamespace("sandbox").list().getItems()).extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("other-run", "theirs");
            assertThat(exists("sandbox")).isTrue();
        }
    }

    @Nested
    class Clean {
        @Test
        void should_remove_every_labelled_run_namespace_and_nothing_unlabelled() throws TargetException {
            namespace("podcheck-r1", Map.of("podcheck.dev/run", "r1"));
            namespace("podcheck-r2", Map.of("podcheck.dev/run", "r2"));
            namespace("podcheck-lookalike", Map.of());
            namespace("kube-system", Map.of());

            // No run holds a lease, and the namespaces are older than a lease lasts.
            assertThat(RunNamespace.clean(cluster.api(), null, java.time.Instant.now().plusSeconds(3600)))
                    .containsExactlyInAnyOrder("namespace/podcheck-r1", "namespace/podcheck-r2");
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .containsExactlyInAnyOrder("podcheck-lookalike", "kube-system");
        }

        @Test
        void should_remove_labelled_pods_of_any_run_in_a_named_namespace() throws TargetException {
            namespace("sandbox", Map.of());
            pod("sandbox", "left-over", Map.of("podcheck.dev/run", "r7"));
            pod("sandbox", "theirs", Map.of("app", "web"));

            assertThat(RunNamespace.clean(cluster.api(), "sandbox", java.time.Instant.now()))
                    .containsExactly("pod/sandbox/left-over");
            assertThat(client.pods().inNamespace("sandbox").list().getItems()).extracting(Pod::getMetadata)
                    .extracting(m -> m.getName()).containsExactly("theirs");
        }
    }
}
