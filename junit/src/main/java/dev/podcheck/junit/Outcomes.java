package dev.podcheck.junit;

import dev.podcheck.conformance.report.ConsoleReport;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.TrialError;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * How an invariant's (or a property's) result over a run reads as a test: holds is success, a
 * violation fails with its counterexample in full and how to replay it, undecided is aborted.
 */
final class Outcomes {
    private Outcomes() {}

    static TestExecutionResult of(RunResult run, InvariantResult r) {
        String id = r.invariant().id();
        return switch (r.outcome()) {
            case HOLDS -> TestExecutionResult.successful();
            case VIOLATED, KNOWN_DEVIATION -> TestExecutionResult.failed(new AssertionFailedError(
                    ConsoleReport.violationText(run, r, Settings.replay(run.seed()))));
            case UNKNOWN -> TestExecutionResult.aborted(new TestAbortedException(id + " could not be decided: "
                    + r.firstUnknown() + " (" + r.unknown() + " of " + trials(r) + " trials)"));
            case NOT_OBSERVABLE -> TestExecutionResult.aborted(new TestAbortedException(
                    "the target " + run.target() + " cannot observe what " + id + " needs: " + r.invariant().needs()));
        };
    }

    /** Trials the target could not run: the run as a whole is inconclusive, whatever its tests said. */
    static TestExecutionResult ofRun(RunResult run) {
        if (run.targetErrors().isEmpty()) {
            return TestExecutionResult.successful();
        }
        String causes = run.targetErrors().stream()
                .collect(Collectors.groupingBy(TrialError::message, Collectors.counting())).entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " trials)").collect(Collectors.joining("; "));
        return TestExecutionResult.aborted(new TestAbortedException("inconclusive: " + run.targetErrors().size()
                + " trials could not run on " + run.target() + ": " + causes + "; replay: " + Settings.replay(run.seed())));
    }

    /** What the IDE and the reports show beside a test: the run it belongs to and its counts. */
    static ReportEntry entry(RunResult run, InvariantResult r) {
        return ReportEntry.from(Map.of("podcheck.seed", Long.toString(run.seed()), "podcheck.trials",
                r.holds() + " held, " + r.violated() + " violated, " + r.unknown() + " undecided"));
    }

    private static int trials(InvariantResult r) {
        return r.holds() + r.violated() + r.unknown();
    }
}
