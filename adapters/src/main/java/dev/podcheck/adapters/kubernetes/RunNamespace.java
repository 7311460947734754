package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a run's pods live, and the rule that keeps podcheck in bounds: it deletes only objects that
 * carry its run label. By default a run creates its own namespace {@code <prefix>-<run id>}, labelled,
 * and deletes it at the end. A user may instead name an existing namespace (--allow-namespace):
 * that is the only way into kube-system, default or any unlabelled namespace, and then podcheck
 * deletes only its own labelled pods there, never the namespace.
 */
final class RunNamespace {
    /** The label on every namespace and pod a run creates; its value is the run id. */
    static final String RUN_LABEL = "podcheck.dev/run";

    /** Namespaces the cluster itself uses: never a run's unless the user names one explicitly. */
    static final Set<String> PROTECTED = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    /** A namespace name is a DNS-1123 label (apimachinery validation.IsDNS1123Label). */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final ClusterApi api;
    private final String name;
    private final String runId;
    private final boolean owned;

    private RunNamespace(ClusterApi api, String name, String runId, boolean owned) {
        this.api = api;
        this.name = name;
        this.runId = runId;
        this.owned = owned;
    }

    /** Creates the run's own namespace, labelled; refuses an existing one that is not this run's. */
    static RunNamespace create(ClusterApi api, String prefix, String runId) throws TargetException {
        String name = prefix + "-" + runId;
        if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            throw new TargetException("namespace prefix \"" + prefix + "\" gives " + name
                    + ", not a valid namespace name (lower-case letters, digits and '-', at most 63 characters)", null);
        }
        refuseProtected(name);
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).withLabels(Map.of(RUN_LABEL, runId))
                .endMetadata().build();
        Namespace created = api.callOr("create the run namespace " + name, c -> c.namespaces().resource(ns).create(),
                null, 409);
        if (created == null) {
            Namespace existing = api.call("read the namespace " + name, c -> c.namespaces().withName(name).get());
            if (existing == null || !runId.equals(labelOf(existing))) {
                throw new TargetException("namespace " + name + " already exists and is not this run's (no "
                        + RUN_LABEL + "=" + runId + " label): podcheck does not use it", null);
            }
        }
        return new RunNamespace(api, name, runId, true);
    }

    /**
     * An existing namespace the user forced; podcheck will delete only its own pods in it. The
     * namespace object is not read (that would need a cluster-scoped right): taking the run's lease
     * there ({@link RunLease#take}) fails if it does not exist.
     */
    static RunNamespace adopt(ClusterApi api, String name, String runId) {
        return new RunNamespace(api, name, runId, false);
    }

    /**
     * Binds {@code clusterRole} in the run's own namespace to {@code serviceAccount} ("namespace:name"),
     * so that the pod rights of deploy/rbac-cluster.yaml exist in run namespaces only.
     */
    void bind(String clusterRole, String serviceAccount) throws TargetException {
        String[] sa = serviceAccount.split(":", 2);
        RoleBinding binding = new RoleBindingBuilder().withNewMetadata().withName("podcheck-run").withNamespace(name)
                .withLabels(Map.of(RUN_LABEL, runId)).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
                .addNewSubject().withKind("ServiceAccount").withNamespace(sa[0]).withName(sa[1]).endSubject().build();
        api.call("bind " + clusterRole + " in " + name, c -> c.rbac().roleBindings().inNamespace(name).resource(binding)
                .create());
    }

    static void refuseProtected(String name) throws TargetException {
        if (PROTECTED.contains(name)) {
            throw new TargetException("podcheck does not run in " + name + " unless told to with --allow-namespace " + name,
                    null);
        }
    }

    String name() {
        return name;
    }

    String runId() {
        return runId;
    }

    /** The labels a run puts on the pods it creates. */
    Map<String, String> podLabels() {
        return Map.of(RUN_LABEL, runId);
    }

    /**
     * Removes what the run made: its own namespace (read back first: deleted only while it still
     * carries this run's label), or, in a forced namespace, this run's labelled pods.
     */
    List<String> delete() throws TargetException {
        if (!owned) {
            return deletePodsOfRun(api, name, runId);
        }
        Namespace ns = api.call("read the namespace " + name, c -> c.namespaces().withName(name).get());
        if (ns == null || !runId.equals(labelOf(ns))) {
            return List.of();
        }
        api.callOr("delete the namespace " + name, c -> c.namespaces().withName(name).delete(), List.of(), 404);
        return List.of("namespace/" + name);
    }

    /**
     * What dead runs left, found by the run label only, so that nothing else is touched: every
     * namespace labelled as a podcheck run whose runs' leases have all run out ({@link RunLease}; one
     * without a lease only once it is older than a lease lasts, since a run takes its lease just
     * after making its namespace). A labelled namespace whose leases podcheck may not read (another
     * identity's run: deploy/rbac-cluster.yaml binds podcheck's role only in the namespaces it made)
     * is kept, since it cannot be shown dead. With {@code forcedNamespace}, only that namespace is
     * looked at (what namespace-scoped rights allow): the labelled pods and the leases of its dead runs.
     */
    static List<String> clean(ClusterApi api, String forcedNamespace, Instant now) throws TargetException {
        if (forcedNamespace != null) {
            return cleanDeadRunsIn(api, forcedNamespace, now);
        }
        List<String> removed = new ArrayList<>();
        for (Namespace ns : api.call("list podcheck run namespaces",
                c -> c.namespaces().withLabel(RUN_LABEL).list().getItems())) {
            String n = ns.getMetadata().getName();
            if (PROTECTED.contains(n)) {
                continue;
            }
            List<Lease> leases = api.callOr("list the run leases in " + n,
                    c -> c.leases().inNamespace(n).withLabel(RUN_LABEL).list().getItems(), null, 403);
            if (leases == null) {
                continue;
            }
            boolean starting = leases.isEmpty() && createdWithinALease(ns, now);
            if (starting || !RunLease.liveRuns(leases, now).isEmpty()) {
                continue;
            }
            api.callOr("delete the namespace " + n, c -> c.namespaces().withName(n).delete(), List.of(), 404);
            removed.add("namespace/" + n);
        }
        return removed;
    }

    /** In a namespace the user named: the labelled pods of runs without a live lease, then those runs' leases. */
    private static List<String> cleanDeadRunsIn(ClusterApi api, String namespace, Instant now) throws TargetException {
        List<Lease> leases = api.call("list the run leases in " + namespace,
                c -> c.leases().inNamespace(namespace).withLabel(RUN_LABEL).list().getItems());
        Set<String> live = Set.copyOf(RunLease.liveRuns(leases, now));
        List<Pod> pods = api.call("list podcheck pods in " + namespace,
                c -> c.pods().inNamespace(namespace).withLabel(RUN_LABEL).list().getItems());
        List<String> removed = new ArrayList<>();
        for (Pod p : pods) {
            if (live.contains(labelOf(p))) {
                continue;
            }
            String n = p.getMetadata().getName();
            api.callOr("delete the pod " + n, c -> c.pods().inNamespace(namespace).withName(n).withGracePeriod(0).delete(),
                    List.of(), 404);
            removed.add("pod/" + namespace + "/" + n);
        }
        for (Lease l : leases) {
            if (!live.contains(labelOf(l))) {
                String n = l.getMetadata().getName();
                api.callOr("delete the lease " + n, c -> c.leases().inNamespace(namespace).withName(n).delete(),
                        List.of(), 404);
                removed.add("lease/" + namespace + "/" + n);
            }
        }
        return removed;
    }

    private static boolean createdWithinALease(Namespace ns, Instant now) {
        String created = ns.getMetadata().getCreationTimestamp();
        if (created == null) {
            return false;
        }
        return Instant.parse(created).plusSeconds(RunLease.DURATION_SECONDS).plus(RunLease.CLOCK_SKEW).isAfter(now);
    }

    /** Pods labelled with this run in {@code namespace}. */
    private static List<String> deletePodsOfRun(ClusterApi api, String namespace, String runId) throws TargetException {
        List<Pod> pods = api.call("list podcheck pods in " + namespace,
                c -> c.pods().inNamespace(namespace).withLabel(RUN_LABEL, runId).list().getItems());
        List<String> removed = new ArrayList<>();
        for (Pod p : pods) {
            String n = p.getMetadata().getName();
            api.callOr("delete the pod " + n, c -> c.pods().inNamespace(namespace).withName(n).withGracePeriod(0).delete(),
                    List.of(), 404);
            removed.add("pod/" + namespace + "/" + n);
        }
        return removed;
    }

    static String labelOf(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(RUN_LABEL);
    }
}
