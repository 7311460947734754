package dev.podcheck.conformance.report;

import dev.podcheck.conformance.versions.RuleChange;
import dev.podcheck.conformance.versions.VersionDiffResult;
import dev.podcheck.engine.ReleaseRule;
import dev.podcheck.spec.yaml.ScenarioWriter;

/** {@code diff-versions} on the console: the rules that differ, then per change its shrunk pod and both timelines. */
public final class VersionDiffConsole {
    private VersionDiffConsole() {}

    public static String summary(VersionDiffResult r) {
        StringBuilder out = new StringBuilder("podcheck diff-versions ").append(VersionDiffText.headline(r)).append('\n');
        if (r.differingRules().isEmpty()) {
            out.append("the two releases differ in no rule podcheck models\n");
        } else {
            out.append("rules that differ:\n");
            r.differingRules().forEach(rule -> out.append("  ").append(VersionDiffText.rule(r, rule)).append('\n'));
        }
        for (RuleChange c : r.changes()) {
            out.append("\nCHANGED ").append(VersionDiffText.change(c)).append('\n');
            out.append("  pod:\n").append(ScenarioWriter.toYaml(c.example().scenario()).indent(4));
            out.append(VersionDiffText.aligned(c.example()).render("under " + r.from().version() + ":",
                    "under " + r.to().version() + ":").indent(2));
        }
        for (ReleaseRule rule : r.unexercised()) {
            out.append("\nnot exercised: ").append(rule.id()).append(" changed no scenario's prediction\n");
        }
        return out.append("\nexit ").append(r.exitCode()).append(": ").append(VersionDiffText.meaning(r)).append('\n')
                .toString();
    }
}
