package dev.podcheck.conformance.versions;

import dev.podcheck.engine.ReleaseRule;
import java.util.List;

/**
 * The scenarios whose predictions one change between the releases alters, with the first of them shrunk.
 *
 * @param rules     the release rules that change the prediction, each on its own (taken alone from the release
 *                  upgraded to, it changes the prediction); every differing rule when none does alone
 * @param scenarios how many scenarios it changes
 * @param example   the first of them (lowest trial or first document), shrunk to a minimal pod for which these rules
 *                  still change the prediction
 */
public record RuleChange(List<ReleaseRule> rules, int scenarios, ChangedPrediction example) {
    public RuleChange {
        rules = List.copyOf(rules);
    }

    /** "kubelet-restart-keeps-status", or "a + b" for scenarios that several rules change. */
    public String label() {
        return String.join(" + ", rules.stream().map(ReleaseRule::id).toList());
    }
}
