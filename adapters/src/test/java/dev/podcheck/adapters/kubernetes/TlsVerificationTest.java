package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS verification is on unless the user says --insecure-skip-tls-verify: a kubeconfig's
 * insecure-skip-tls-verify alone is refused before any request, and the flag warns every time.
 */
class TlsVerificationTest {
    @TempDir
    Path dir;

    LoopbackApiServer a;
    /** Context b's server: its certificate is for another host name than the one the kubeconfig dials. */
    LoopbackApiServer b;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() {
        a = new LoopbackApiServer(dir, "a", "127.0.0.1");
        b = new LoopbackApiServer(dir, "b", "elsewhere.invalid");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private ClusterEnvironment nowhere() {
        return new ClusterEnvironment(Map.of(), dir.resolve("home"), dir.resolve("serviceaccount"));
    }

    @Test
    void should_refuse_a_kubeconfig_that_skips_verification_without_the_flag_before_sending_anything() throws Exception {
        Path kubeconfig = TwoContexts.write(dir.resolve("kubeconfig"), a, b, "insecure-skip-tls-verify: true");

        assertThatThrownBy(() -> ClusterConnection.open(new ClusterChoice(kubeconfig, "b", false), nowhere(), warnings::add))
                .isInstanceOf(TargetException.class)
                .hasMessage(kubeconfig + ": cluster \"b\" (context \"b\") sets insecure-skip-tls-verify; podcheck verifies"
                        + " TLS unless run with --insecure-skip-tls-verify");
        assertThat(b.requests).isEmpty();
    }

    @Test
    void should_not_send_a_token_to_a_server_whose_certificate_names_another_host() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), Files.readString(
                TwoContexts.write(dir.resolve("two"), a, b)).replace("user: {}", "user: {token: token-b}"));

        assertThatThrownBy(() -> {
            try (KubernetesClient client = ClusterConnection.open(new ClusterChoice(kubeconfig, "b", false), nowhere(),
                    warnings::add)) {
                client.namespaces().withName("x").get();
            }
        }).isInstanceOf(KubernetesClientException.class);
        assertThat(b.requests).isEmpty();
    }

    @Test
    void should_skip_verification_only_with_the_flag_and_warn_each_time() throws Exception {
        Path kubeconfig = TwoContexts.write(dir.resolve("kubeconfig"), a, b);

        for (int run = 0; run < 2; run++) {
            try (KubernetesClient client = ClusterConnection.open(new ClusterChoice(kubeconfig, "b", true), nowhere(),
                    warnings::add)) {
                client.namespaces().withName("x").get();
            }
        }

        assertThat(b.requests).hasSize(2);
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).isEqualTo("WARNING: --insecure-skip-tls-verify:"
                + " TLS verification is off for " + b.url() + "/ (context \"b\"): anyone on the way can read the"
                + " credentials and answer as the cluster"));
    }
}
