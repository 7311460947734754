package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.audit.Audit;
import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.AuditScope;
import dev.podcheck.conformance.audit.Watched;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.report.AuditConsole;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * An audit of ordinary pods on a real node: a deployment (probes, one pod deleted gracefully on the way),
 * a job whose app runs beside a sidecar, a crash-looping pod and an OnFailure pod after an init container,
 * all created after the audit began, watched for {@code PODCHECK_AUDIT_DURATION} (default 3m). A faithful
 * kubelet breaks no invariant, and the audit judges some. The test creates and deletes the workload in a
 * run namespace of its own; the audit itself only reads.
 */
@Tag("live-audit")
@EnabledIfEnvironmentVariable(named = AuditLiveTest.KUBECONFIG, matches = ".+",
        disabledReason = "no real cluster: set PODCHECK_AUDIT_KUBECONFIG to a kubeconfig that may create pods")
class AuditLiveTest {
    static final String KUBECONFIG = "PODCHECK_AUDIT_KUBECONFIG";

    @Test
    void should_find_no_violation_in_ordinary_pods_on_a_real_node() throws Exception {
        Duration duration = Duration.parse("PT" + System.getenv().getOrDefault("PODCHECK_AUDIT_DURATION", "3m").toUpperCase());
        Path kubeconfig = Path.of(System.getenv(KUBECONFIG));
        try (KubernetesClient client = ClusterConnection.open(new ClusterChoice(kubeconfig, null, false),
                ClusterEnvironment.SYSTEM, w -> { })) {
            ClusterApi api = new ClusterApi(client, ApiRetry.DEFAULT);
            RunNamespace namespace = RunNamespace.create(api, "podcheck-audit", Long.toHexString(System.nanoTime() & 0xffffffL));
            ScheduledExecutorService workload = Executors.newSingleThreadScheduledExecutor();
            try {
                workload.schedule(() -> apply(client, namespace.name()), 3, TimeUnit.SECONDS);
                workload.schedule(() -> client.pods().inNamespace(namespace.name()).withLabel("app", "web").list().getItems()
                        .stream().findFirst().ifPresent(p -> client.resource(p).delete()), duration.toSeconds() / 2, TimeUnit.SECONDS);
                AuditScope scope = new AuditScope(kubeconfig, null, false, namespace.name(), false, null, duration, true);

                Watched watched = new KubernetesAuditProvider().watch(scope);
                AuditResult result = Audit.judge(watched, Catalogue.all());

                System.out.println(AuditConsole.render(result));
                assertThat(watched.pods()).hasSizeGreaterThanOrEqualTo(5);
                assertThat(result.violated()).as(AuditConsole.render(result)).isEmpty();
                assertThat(result.judged()).extracting(r -> r.invariant().id())
                        .contains("init/order", "restart/backoff", "restart/never", "qos/class", "phase/terminal-is-final");
            } finally {
                workload.shutdownNow();
                namespace.delete();
            }
        }
    }

    private static void apply(KubernetesClient client, String namespace) {
        try (InputStream in = AuditLiveTest.class.getResourceAsStream("/audit/workload.yaml")) {
            client.load(in).inNamespace(namespace).create();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
