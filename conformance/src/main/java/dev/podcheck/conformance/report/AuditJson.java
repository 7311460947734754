package dev.podcheck.conformance.report;

import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.InvariantAudit;
import dev.podcheck.conformance.audit.Offence;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.TraceCodec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An audit as JSON for tools: the cluster, every invariant with its counts, and each offending pod
 * with its namespace, owner, manifest (as {@code kubectl get -o yaml} shows it), message, witness and
 * trace in the {@link TraceCodec} form.
 *
 * <p>Stability: stable within {@value #FORMAT}; fields may be added, none renamed or removed.
 */
public final class AuditJson {
    public static final String FORMAT = "podcheck-audit/v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditJson() {}

    public static String toJson(AuditResult audit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("cluster", audit.watched().cluster());
        root.put("kubernetesVersion", audit.watched().release().version());
        root.put("pods", audit.watched().pods().size());
        root.put("skippedPods", audit.watched().skipped());
        root.put("elapsedMillis", audit.watched().elapsed().toMillis());
        root.put("exitCode", audit.exitCode());
        if (audit.uncheckedBecause() != null) {
            root.put("uncheckedBecause", audit.uncheckedBecause());
        }
        ArrayNode invariants = root.putArray("invariants");
        for (InvariantAudit r : audit.invariants()) {
            ObjectNode node = invariants.addObject();
            node.put("id", r.invariant().id());
            node.put("must", r.invariant().must());
            node.put("judged", r.judged());
            node.put("holds", r.holds());
            node.put("violated", r.violated());
            node.put("unknown", r.unknown());
            if (r.firstUnknown() != null) {
                node.put("firstUnknown", r.firstUnknown());
            }
            ArrayNode offences = node.putArray("violations");
            r.violations().forEach(o -> offence(o, offences.addObject()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void offence(Offence o, ObjectNode node) {
        node.put("namespace", o.pod().namespace());
        node.put("pod", o.pod().name());
        node.put("uid", o.pod().uid());
        node.put("owner", o.pod().owner());
        node.put("message", o.verdict().message());
        node.set("witness", JSON.readTree(TraceCodec.toJson(new Trace(o.verdict().witness()))).get("events"));
        node.set("trace", JSON.readTree(TraceCodec.toJson(o.pod().trace())));
        node.put("manifest", o.pod().manifest());
    }
}
