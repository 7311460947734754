package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.runner.RerunOptions;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.Runner;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the shutdown hook does on Ctrl-C or SIGTERM (InterruptedRunTest sends the signals to a real process). */
class InterruptedReleaseTest {
    @TempDir
    Path dir;

    /** The engine, counting how often it is closed: a real target removes its pods and namespace there. */
    static final class ClosingTarget implements Target {
        final EngineTarget engine = new EngineTarget();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String name() {
            return "closing";
        }

        @Override
        public boolean reference() {
            return true;
        }

        @Override
        public Set<Observation> observations() {
            return engine.observations();
        }

        @Override
        public Duration tolerance() {
            return Duration.ZERO;
        }

        @Override
        public Trace run(Scenario defaulted, Duration horizon) {
            return engine.run(defaulted, horizon);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void should_report_the_finished_trials_whole_and_then_release_the_target() {
        // GIVEN a run that finished some trials
        ClosingTarget target = new ClosingTarget();
        Runner runner = new Runner(RunPlan.builder(target).trials(20).seed(1L).parallelism(1).maxShrinkAttempts(10).build());
        runner.run((done, total) -> { });
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Podcheck()).setErr(new PrintWriter(err, true));

        // WHEN the hook runs
        RunAndReport.interrupted(runner, target, new RunAndReport.Shown(dir, OutputFormat.text, RerunOptions.NONE), cli);

        // THEN every report is there, none half written, and the target released what it holds
        assertThat(dir.resolve("podcheck-report.json")).content().contains("\"interrupted\"");
        assertThat(dir.resolve("podcheck-report.xml")).content().containsPattern("</testsuite>\\s*$");
        assertThat(dir.resolve("podcheck-report.html")).exists();
        assertThat(dir.toFile().list()).allMatch(name -> name.startsWith("podcheck-report."));
        assertThat(target.closed).hasValue(1);
        assertThat(err.toString()).startsWith("podcheck: interrupted: ");
    }
}
