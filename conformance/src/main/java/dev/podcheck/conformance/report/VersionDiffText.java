package dev.podcheck.conformance.report;

import dev.podcheck.conformance.versions.ChangedPrediction;
import dev.podcheck.conformance.versions.RuleChange;
import dev.podcheck.conformance.versions.VersionDiffResult;
import dev.podcheck.engine.ReleaseRule;
import java.util.Locale;

/** What every {@code diff-versions} report says, in the same words: headline, rules, verdict. */
final class VersionDiffText {
    private VersionDiffText() {}

    /** "1.34 -> 1.36: 10000 scenarios (seed 1), 51 predicted differently". */
    static String headline(VersionDiffResult r) {
        return r.from().version() + " -> " + r.to().version() + ": " + r.scenarios() + " scenarios"
                + (r.generated() ? " (seed " + r.seed() + ")" : "") + ", " + r.changed() + " predicted differently"
                + String.format(Locale.ROOT, " (%.2f s)", r.elapsed().toMillis() / 1000.0);
    }

    /** The exit code's meaning for a release gate. */
    static String meaning(VersionDiffResult r) {
        return r.exitCode() == 0 ? "no scenario's predicted life changes" : "predicted lives change";
    }

    /** "kubelet-restart-keeps-status (KR-2a): reset in 1.34, kept in 1.36: KEP-4781: ...". */
    static String rule(VersionDiffResult r, ReleaseRule rule) {
        return rule.id() + " (" + rule.semanticsId() + "): " + rule.valueIn(r.from()) + " in " + r.from().version()
                + ", " + rule.valueIn(r.to()) + " in " + r.to().version() + "; " + rule.change();
    }

    /** "kubelet-restart-keeps-status: 42 scenarios; first seed 1 trial 7, shrunk in 12 steps". */
    static String change(RuleChange c) {
        ChangedPrediction e = c.example();
        return c.label() + ": " + c.scenarios() + (c.scenarios() == 1 ? " scenario" : " scenarios") + "; first "
                + e.origin() + (e.shrinkSteps() > 0 ? ", shrunk in " + e.shrinkSteps() + " steps" : "");
    }

    /** The example's two timelines aligned. */
    static SideBySide aligned(ChangedPrediction e) {
        Timeline timeline = Timeline.of(e.scenario().pod());
        return SideBySide.of(timeline.render(e.from()), timeline.render(e.to()));
    }
}
