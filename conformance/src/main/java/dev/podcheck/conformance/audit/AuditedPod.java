package dev.podcheck.conformance.audit;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.Set;

/**
 * One pod instance (one uid) an audit watched, and what it may be judged on.
 *
 * <p>Stability: experimental.
 *
 * @param owner        its controller as {@code Kind/name} (ReplicaSet/web-7d4f), empty for a bare pod
 * @param manifest     the pod as last seen, as {@code kubectl get -o yaml} shows it
 * @param scenario     its spec as admitted (defaulted), no behaviours and no world events: the cluster shows
 *                     what the containers do, never what they were meant to do
 * @param trace        what was seen, from the first sighting on; trace time 0 is its creationTimestamp
 * @param observations what the audit saw of it: less for a pod already running when the audit began, whose
 *                     earlier Events are unknown
 * @param watched      from its creation to the end of the audit or its removal: the trace's horizon
 */
public record AuditedPod(String namespace, String name, String uid, String owner, String manifest, Scenario scenario,
                         Trace trace, Set<Observation> observations, Duration watched) {
    public AuditedPod {
        observations = Set.copyOf(observations);
        owner = owner == null ? "" : owner;
    }

    /** {@code namespace/owner}, or {@code namespace/pod} for a pod without one: how reports group pods. */
    public String workload() {
        return namespace + "/" + (owner.isEmpty() ? "pod/" + name : owner);
    }
}
