package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials rule: a request goes to the chosen context's server with the chosen context's
 * user only, whichever way the context was chosen, and nothing from Fabric8's environment overrides
 * (KUBERNETES_MASTER, KUBERNETES_AUTH_TOKEN, KUBERNETES_TRUST_CERTIFICATES: read by Fabric8 as the
 * system properties kubernetes.master, ... first, which is how these tests set them) changes that.
 */
class ClusterConnectionTest {
    @TempDir
    Path dir;

    LoopbackApiServer a;
    LoopbackApiServer b;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() {
        a = new LoopbackApiServer(dir, "a", "127.0.0.1");
        b = new LoopbackApiServer(dir, "b", "127.0.0.1");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        for (String p : List.of("kubernetes.master", "kubernetes.auth.token", "kubernetes.trust.certificates",
                "kubernetes.disable.hostname.verification", "kubernetes.namespace")) {
            System.clearProperty(p);
        }
    }

    private ClusterEnvironment environment(Map<String, String> env) {
        return new ClusterEnvironment(env, dir.resolve("home"), dir.resolve("serviceaccount"));
    }

    /** One request through a client for {@code choice}: what a target's first call does. */
    private KubernetesClient askForANamespace(ClusterChoice choice, ClusterEnvironment environment) throws TargetException {
        KubernetesClient client = ClusterConnection.open(choice, environment, warnings::add);
        try (client) {
            client.namespaces().withName("x").get();
        }
        return client;
    }

    @Nested
    class The_chosen_context_only {
        @Test
        void should_send_no_credentials_of_the_current_context_to_the_server_of_a_context_chosen_by_flag() throws Exception {
            Path kubeconfig = TwoContexts.write(dir.resolve("kubeconfig"), a, b);

            KubernetesClient client = askForANamespace(new ClusterChoice(kubeconfig, "b", false), environment(Map.of()));

            assertThat(b.authorizations()).isNotEmpty().allMatch(String::isEmpty);
            assertThat(a.requests).isEmpty();
            assertThat(client.getConfiguration().getNamespace()).isEqualTo("ns-b");
        }

        @Test
        void should_send_no_credentials_of_the_current_context_when_KUBECONFIG_names_the_file() throws Exception {
            Path kubeconfig = TwoContexts.write(dir.resolve("elsewhere/config"), a, b);

            askForANamespace(new ClusterChoice(null, "b", false), environment(Map.of("KUBECONFIG", kubeconfig.toString())));

            assertThat(b.authorizations()).isNotEmpty().allMatch(String::isEmpty);
            assertThat(a.requests).isEmpty();
        }

        @Test
        void should_send_no_credentials_of_the_current_context_when_the_file_is_the_home_kubeconfig() throws Exception {
            TwoContexts.write(dir.resolve("home/.kube/config"), a, b);

            askForANamespace(new ClusterChoice(null, "b", false), environment(Map.of()));

            assertThat(b.authorizations()).isNotEmpty().allMatch(String::isEmpty);
            assertThat(a.requests).isEmpty();
        }

        @Test
        void should_send_the_current_contexts_own_token_to_its_own_server_only() throws Exception {
            TwoContexts.write(dir.resolve("home/.kube/config"), a, b);

            askForANamespace(new ClusterChoice(null, null, false), environment(Map.of()));

            assertThat(a.authorizations()).isNotEmpty().allMatch(("Bearer " + TwoContexts.TOKEN_A)::equals);
            assertThat(b.requests).isEmpty();
        }

        @Test
        void should_use_the_service_account_in_a_cluster_and_nothing_else() throws Exception {
            Path sa = Files.createDirectories(dir.resolve("serviceaccount"));
            Files.writeString(sa.resolve("token"), "sa-token\n");
            Files.writeString(sa.resolve("ca.crt"), new String(java.util.Base64.getDecoder().decode(b.caData())));
            Files.writeString(sa.resolve("namespace"), "podcheck-system");
            System.setProperty("kubernetes.auth.token", "from-the-environment");

            KubernetesClient client = askForANamespace(new ClusterChoice(null, null, false), environment(Map.of(
                    "KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", b.url().replaceAll(".*:", ""))));

            assertThat(b.authorizations()).isNotEmpty().allMatch("Bearer sa-token"::equals);
            assertThat(client.getConfiguration().getNamespace()).isEqualTo("podcheck-system");
        }

        @Test
        void should_refuse_a_context_when_running_in_a_cluster_without_a_kubeconfig() {
            assertThatThrownBy(() -> ClusterConnection.open(new ClusterChoice(null, "b", false), environment(Map.of(
                    "KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", "443")), warnings::add))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("--context b needs a kubeconfig, and there is none (--kubeconfig, KUBECONFIG, ~/.kube/config)");
        }
    }

    @Nested
    class Environment_overrides_are_ignored {
        @Test
        void should_keep_the_contexts_server_when_kubernetes_master_names_another() throws Exception {
            TwoContexts.write(dir.resolve("home/.kube/config"), a, b);
            System.setProperty("kubernetes.master", a.url());

            askForANamespace(new ClusterChoice(null, "b", false), environment(Map.of("KUBERNETES_MASTER", a.url())));

            assertThat(a.requests).isEmpty();
            assertThat(b.requests).isNotEmpty();
        }

        @Test
        void should_send_no_token_from_the_environment() throws Exception {
            TwoContexts.write(dir.resolve("home/.kube/config"), a, b);
            System.setProperty("kubernetes.auth.token", "from-the-environment");

            askForANamespace(new ClusterChoice(null, "b", false), environment(Map.of()));

            assertThat(b.authorizations()).isNotEmpty().allMatch(String::isEmpty);
        }

        @Test
        void should_verify_tls_when_kubernetes_trust_certificates_is_set() throws Exception {
            LoopbackApiServer stranger = new LoopbackApiServer(dir, "stranger", "127.0.0.1");
            try (stranger) {
                // Context b's server presents a certificate its certificate authority did not sign.
                Files.createDirectories(dir.resolve("home/.kube"));
                Files.writeString(dir.resolve("home/.kube/config"), Files.readString(
                        TwoContexts.write(dir.resolve("two"), a, b)).replace(b.url(), stranger.url()));
                System.setProperty("kubernetes.trust.certificates", "true");
                System.setProperty("kubernetes.disable.hostname.verification", "true");

                assertThatThrownBy(() -> askForANamespace(new ClusterChoice(null, "b", false), environment(Map.of())))
                        .isInstanceOf(KubernetesClientException.class);
                assertThat(stranger.requests).isEmpty();
            }
        }
    }
}
