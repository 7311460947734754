package dev.podcheck.conformance.audit;

import dev.podcheck.conformance.api.Target.TargetException;

/**
 * What {@code podcheck audit} watches, found through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.podcheck.conformance.audit.AuditProvider}) so that conformance never
 * imports the adapters. An audit only reads: it never creates, changes or deletes anything.
 *
 * <p>Stability: experimental.
 */
public interface AuditProvider {
    /**
     * Watches the pods in {@code scope} for its duration and returns each pod instance seen.
     *
     * @throws TargetException when the cluster cannot be used (unreadable kubeconfig, refused, unreachable)
     */
    Watched watch(AuditScope scope) throws TargetException;
}
