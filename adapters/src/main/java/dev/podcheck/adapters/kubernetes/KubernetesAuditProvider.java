package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.conformance.audit.AuditProvider;
import dev.podcheck.conformance.audit.AuditScope;
import dev.podcheck.conformance.audit.AuditedPod;
import dev.podcheck.conformance.audit.Watched;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.yaml.InputException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code podcheck audit} on a Kubernetes cluster: the chosen context's cluster and credentials only
 * ({@link ClusterConnection}), its pods and Events listed and watched for the audit's duration
 * ({@link ClusterAudit}), and nothing ever written. Tolerance and timing are the Kubernetes target's:
 * the same API, at the same one-second resolution.
 */
public final class KubernetesAuditProvider implements AuditProvider {
    private final ClusterEnvironment environment;
    private final Consumer<String> warnings;

    public KubernetesAuditProvider() {
        this(ClusterEnvironment.SYSTEM, w -> System.err.println("podcheck: " + w));
    }

    KubernetesAuditProvider(ClusterEnvironment environment, Consumer<String> warnings) {
        this.environment = environment;
        this.warnings = warnings;
    }

    @Override
    public Watched watch(AuditScope scope) throws TargetException {
        ClusterChoice choice = new ClusterChoice(scope.kubeconfig(), scope.context(), scope.insecureSkipTlsVerify());
        try (KubernetesClient client = ClusterConnection.open(choice, environment, warnings)) {
            ClusterApi api = new ClusterApi(client, ApiRetry.DEFAULT);
            return watch(api, TrialClock.SYSTEM, scope, cluster(client, scope), ServerVersion.audited(client, warnings));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while auditing", e);
        }
    }

    /** Watches for the scope's duration on {@code clock}, then builds each pod's trace, held to {@code release}. */
    static Watched watch(ClusterApi api, TrialClock clock, AuditScope scope, String cluster, Profile release)
            throws TargetException, InterruptedException {
        String namespace = scope.allNamespaces() ? null : scope.namespace() != null ? scope.namespace()
                : api.client().getNamespace() != null ? api.client().getNamespace() : "default";
        try (ClusterAudit audit = new ClusterAudit(api, clock, namespace, scope.selector(), scope.sinceNow())) {
            audit.start();
            audit.awaitUntil(audit.began() + scope.duration().toMillis());
            if (audit.failure() != null) {
                throw new TargetException(audit.failure(), null);
            }
            long end = clock.now();
            audit.close();
            List<AuditedPod> pods = new ArrayList<>();
            int unreadable = 0;
            for (ClusterAudit.Seen seen : audit.seen()) {
                try {
                    pods.add(AuditedPods.of(seen, end, api.client().getKubernetesSerialization()));
                } catch (InputException | IllegalArgumentException e) {
                    unreadable++;
                    System.err.println("podcheck: cannot audit pod " + seen.history().last().getMetadata().getNamespace()
                            + "/" + seen.history().last().getMetadata().getName() + ": " + e.getMessage());
                }
            }
            return new Watched(cluster + (namespace == null ? ", every namespace" : ", namespace " + namespace), release,
                    KubernetesTarget.TOLERANCE, pods, Duration.ofMillis(end - audit.began()), audit.skipped() + unreadable);
        }
    }

    private static String cluster(KubernetesClient client, AuditScope scope) {
        var context = client.getConfiguration().getCurrentContext();
        return (context == null ? "" : "context " + context.getName() + " at ") + client.getConfiguration().getMasterUrl();
    }
}
