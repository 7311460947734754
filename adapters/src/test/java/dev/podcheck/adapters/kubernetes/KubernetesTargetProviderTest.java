package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.adapters.TargetArgs;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.generate.Size;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesTargetProviderTest {
    private final KubernetesTargetProvider provider = new KubernetesTargetProvider();
    private final MockCluster cluster = new MockCluster();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void parse(String... args) {
        TargetArgs.apply(provider, args);
    }

    /** A kubeconfig whose context "mock" points at {@code server}. */
    private Path kubeconfig(String server) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s"}
                users:
                - name: tester
                  user: {token: secret}
                contexts:
                - name: mock
                  context: {cluster: mock, user: tester}
                current-context: mock
                """.formatted(server));
    }

    private String mockServer() {
        return cluster.client().getConfiguration().getMasterUrl();
    }

    @Nested
    class Options {
        @Test
        void should_be_found_by_the_command_line_as_kubernetes() {
            assertThat(ServiceLoader.load(TargetProvider.class).stream().map(p -> p.get().name())).contains("kubernetes");
        }

        @Test
        void should_default_to_the_podcheck_prefix_busybox_and_a_minute_of_trial_timeout() {
            parse();
            KubernetesOptions o = provider.options;

            assertThat(o.namespacePrefix).isEqualTo("podcheck");
            assertThat(o.image).isEqualTo("busybox:1.36");
            assertThat(o.trialTimeout).isEqualTo(Duration.ofSeconds(60));
            assertThat(o.kubeconfig).isNull();
            assertThat(o.allowNamespace).isNull();
        }

        @Test
        void should_take_go_durations_and_refuse_zero() {
            parse("--trial-timeout", "1m30s");
            assertThat(provider.options.trialTimeout).isEqualTo(Duration.ofSeconds(90));

            assertThatThrownBy(() -> parse("--trial-timeout", "0s")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be longer than 0s");
        }

        @Test
        void should_verify_tls_unless_the_flag_that_says_insecure_is_given() {
            parse();
            assertThat(provider.options.choice().insecureSkipTlsVerify()).isFalse();

            parse("--insecure-skip-tls-verify");
            assertThat(provider.options.choice().insecureSkipTlsVerify()).isTrue();
        }

        @Test
        void should_suit_wall_time_runs() {
            assertThat(provider.defaultHorizon()).isEqualTo(Duration.ofSeconds(90));
            assertThat(provider.shrinkAttempts()).isEqualTo(20);
            assertThat(provider.size(Size.DEFAULT).nodePressure()).isFalse();
            assertThat(provider.size(Size.DEFAULT).events()).isTrue();
            assertThat(provider.size(Size.DEFAULT).startDelays()).isFalse();
            assertThat(provider.size(Size.DEFAULT).apiPatches()).isFalse();
            assertThat(provider.size(Size.DEFAULT).terminationMessages()).isFalse();
            assertThat(provider.size(Size.DEFAULT).imagePulls()).isFalse();
            assertThat(provider.size(Size.DEFAULT).nodeDisruptions()).isFalse();
        }
    }

    @Nested
    class Opening {
        @Test
        void should_create_a_labelled_run_namespace_and_delete_it_at_close() throws Exception {
            parse("--kubeconfig", kubeconfig(mockServer()).toString(), "--namespace-prefix", "pc");

            String namespace;
            try (Target target = provider.open()) {
                namespace = ((KubernetesTarget) target).namespace();
                assertThat(namespace).matches("pc-[a-z0-9]{8}");
                assertThat(cluster.client().namespaces().withName(namespace).get().getMetadata().getLabels())
                        .containsEntry("podcheck.dev/run", namespace.substring(3));
            }
            assertThat(cluster.client().namespaces().withName(namespace).get()).isNull();
        }

        @Test
        void should_predict_for_the_release_the_cluster_reports_with_kubernetes_version_auto() throws Exception {
            cluster.version(200, "{\"major\": \"1\", \"minor\": \"35\", \"gitVersion\": \"v1.35.1\"}");
            parse("--kubeconfig", kubeconfig(mockServer()).toString(), "--kubernetes-version", "auto");

            try (Target target = provider.open()) {
                assertThat(target.profile().version()).isEqualTo("1.35");
            }
        }

        @Test
        void should_name_a_missing_kubeconfig() {
            parse("--kubeconfig", dir.resolve("nope").toString());

            assertThatThrownBy(provider::open).isInstanceOf(TargetException.class)
                    .hasMessage("cannot read the kubeconfig " + dir.resolve("nope") + ": no such readable file");
        }

        @Test
        void should_name_a_context_the_kubeconfig_lacks() throws IOException {
            parse("--kubeconfig", kubeconfig(mockServer()).toString(), "--context", "prod");

            assertThatThrownBy(provider::open).isInstanceOf(TargetException.class)
                    .hasMessage(dir.resolve("kubeconfig") + " has no context named \"prod\"");
        }

        @Test
        void should_say_in_one_line_that_the_cluster_cannot_be_reached() throws IOException {
            parse("--kubeconfig", kubeconfig("http://127.0.0.1:1").toString());

            assertThatThrownBy(provider::open).isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("cannot create the run namespace podcheck-")
                    .hasMessageContaining(": the Kubernetes API at http://127.0.0.1:1/ cannot be reached (ConnectException")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }

        @Test
        void should_say_what_is_forbidden_and_where_the_permissions_are() throws IOException {
            cluster.server().expect().post().withPath("/api/v1/namespaces").andReturn(403, new StatusBuilder().withCode(403)
                    .withReason("Forbidden").withMessage("namespaces is forbidden: User \"tester\" cannot create resource"
                            + " \"namespaces\" in API group \"\" at the cluster scope").build()).always();
            parse("--kubeconfig", kubeconfig(mockServer()).toString());

            assertThatThrownBy(provider::open).isInstanceOf(TargetException.class)
                    .hasMessageMatching("cannot create the run namespace podcheck-[a-z0-9]{8}: forbidden \\(namespaces is"
                            + " forbidden: User \"tester\" cannot create resource \"namespaces\" in API group \"\" at the"
                            + " cluster scope\\); deploy/rbac.yaml lists the permissions podcheck needs");
        }

        @Test
        void should_use_an_allowed_namespace_without_creating_or_deleting_it() throws Exception {
            cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default")
                    .endMetadata().build()).create();
            parse("--kubeconfig", kubeconfig(mockServer()).toString(), "--allow-namespace", "default");

            try (Target target = provider.open()) {
                assertThat(((KubernetesTarget) target).namespace()).isEqualTo("default");
            }
            assertThat(cluster.client().namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .containsExactly("default");
        }
    }

    @Nested
    class Cleaning {
        @Test
        void should_remove_what_interrupted_runs_left_and_nothing_else() throws Exception {
            for (Map.Entry<String, Map<String, String>> ns : Map.of("podcheck-old", Map.of("podcheck.dev/run", "old"),
                    "team-a", Map.<String, String>of()).entrySet()) {
                cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns.getKey())
                        .withLabels(ns.getValue()).endMetadata().build()).create();
            }
            // The run that made podcheck-old is dead: its lease ran out ten minutes ago.
            cluster.client().leases().inNamespace("podcheck-old").resource(new io.fabric8.kubernetes.api.model
                    .coordination.v1.LeaseBuilder().withNewMetadata().withName("podcheck-run-old")
                    .withLabels(Map.of("podcheck.dev/run", "old")).endMetadata().withNewSpec().withHolderIdentity("old")
                    .withLeaseDurationSeconds(60).withRenewTime(RunLease.at(java.time.Instant.now().minusSeconds(600)))
                    .endSpec().build()).create();
            parse("--kubeconfig", kubeconfig(mockServer()).toString());

            assertThat(provider.clean()).containsExactly("namespace/podcheck-old");
            assertThat(cluster.client().namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .containsExactly("team-a");
        }
    }

    @Nested
    class Rendering {
        @Test
        void should_print_the_pod_it_would_submit() {
            parse("--image", "registry.local/busybox:1.36");

            String yaml = provider.render(KubernetesTargetTest.job("web"));

            assertThat(yaml).contains("kind: Pod").contains("name: web").contains("image: registry.local/busybox:1.36")
                    .contains("/podcheck");
        }
    }
}
