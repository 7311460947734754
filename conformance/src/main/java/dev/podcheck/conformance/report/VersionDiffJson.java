package dev.podcheck.conformance.report;

import dev.podcheck.conformance.versions.ChangedPrediction;
import dev.podcheck.conformance.versions.RuleChange;
import dev.podcheck.conformance.versions.VersionDiffResult;
import dev.podcheck.engine.ReleaseRule;
import dev.podcheck.spec.yaml.ScenarioWriter;
import dev.podcheck.spec.yaml.TraceCodec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code diff-versions} as JSON: the rules that differ, then per change its count, shrunk pod and both traces. */
public final class VersionDiffJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VersionDiffJson() {}

    public static String toJson(VersionDiffResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("from", r.from().version());
        root.put("to", r.to().version());
        if (r.generated()) {
            root.put("seed", r.seed());
        }
        root.put("scenarios", r.scenarios());
        root.put("changed", r.changed());
        root.put("exitCode", r.exitCode());
        root.put("elapsedMillis", r.elapsed().toMillis());
        ArrayNode rules = root.putArray("differingRules");
        for (ReleaseRule rule : r.differingRules()) {
            rules.addObject().put("id", rule.id()).put("semantics", rule.semanticsId())
                    .put("from", rule.valueIn(r.from())).put("to", rule.valueIn(r.to())).put("change", rule.change());
        }
        ArrayNode changes = root.putArray("changes");
        for (RuleChange c : r.changes()) {
            ObjectNode node = changes.addObject();
            ArrayNode ids = node.putArray("rules");
            c.rules().forEach(rule -> ids.add(rule.id()));
            node.put("scenarios", c.scenarios());
            ChangedPrediction e = c.example();
            node.put("origin", e.origin());
            if (e.trialSeed() != 0) {
                node.put("trialSeed", e.trialSeed());
            }
            node.put("shrinkSteps", e.shrinkSteps());
            node.put("pod", ScenarioWriter.toYaml(e.scenario()));
            node.set("from", JSON.readTree(TraceCodec.toJson(e.from())));
            node.set("to", JSON.readTree(TraceCodec.toJson(e.to())));
        }
        ArrayNode unexercised = root.putArray("unexercisedRules");
        r.unexercised().forEach(rule -> unexercised.add(rule.id()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
