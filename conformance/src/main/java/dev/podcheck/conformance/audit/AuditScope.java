package dev.podcheck.conformance.audit;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an audit watches, where and for how long.
 *
 * <p>Stability: experimental.
 *
 * @param kubeconfig    the kubeconfig, or null for the usual places (KUBECONFIG, ~/.kube/config, in-cluster)
 * @param context       its context, or null for the current one
 * @param namespace     the one namespace to watch; null with {@code allNamespaces} for all of them, and
 *                      null without it for the context's namespace
 * @param selector      a label selector the pods must match ({@code app=web,tier!=db}), or null
 * @param duration      how long to watch
 * @param sinceNow      only pods created after the audit began: each is seen from its creation
 */
public record AuditScope(Path kubeconfig, String context, boolean insecureSkipTlsVerify, String namespace,
                         boolean allNamespaces, String selector, Duration duration, boolean sinceNow) {
    public AuditScope {
        if (allNamespaces && namespace != null) {
            throw new IllegalArgumentException("--namespace and --all-namespaces exclude each other");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an audit watches for some time, not " + duration);
        }
    }
}
