package dev.podcheck.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.report.ConsoleReport;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A real target is not deterministic: a violation it showed once may not come back when the runner
 * re-runs the (shrunk) scenario. Then the original trial is reported as it happened, never an error.
 */
class RunnerReproductionTest {

    /** What the flaky target does on the runs after its first. */
    enum Afterwards { BEHAVES, FAILS }

    /**
     * The engine, except that its first trace carries a "Glitch" event that {@link NoGlitch}
     * rejects, as a real node might glitch once; later runs behave, or the target cannot run them.
     */
    static final class Flaky implements Target {
        private final EngineTarget engine = new EngineTarget();
        private final AtomicInteger runs = new AtomicInteger();
        private final boolean reference;
        private final Afterwards afterwards;

        Flaky(boolean reference, Afterwards afterwards) {
            this.reference = reference;
            this.afterwards = afterwards;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public boolean reference() {
            return reference;
        }

        @Override
        public Set<Observation> observations() {
            return EnumSet.allOf(Observation.class);
        }

        @Override
        public Duration tolerance() {
            return Duration.ZERO;
        }

        @Override
        public Trace run(Scenario defaulted, Duration horizon) throws TargetException {
            Trace trace = engine.run(defaulted, horizon);
            if (runs.getAndIncrement() == 0) {
                return glitched(trace);
            }
            if (afterwards == Afterwards.FAILS) {
                throw new TargetException("the node went away", null);
            }
            return trace;
        }
    }

    /** The trace with a "Glitch" event at its end. */
    static Trace glitched(Trace trace) {
        List<TraceEvent> events = new ArrayList<>(trace.events());
        events.add(new TraceEvent.KubeletEvent(trace.end(), "Glitch", "", "the node hiccuped"));
        return new Trace(events);
    }

    /** A target that cannot run a pod of one container, and glitches on every other. */
    static final class OnlyBigPods implements Target {
        private final EngineTarget engine = new EngineTarget();

        @Override
        public String name() {
            return "only-big-pods";
        }

        @Override
        public Set<Observation> observations() {
            return EnumSet.allOf(Observation.class);
        }

        @Override
        public Duration tolerance() {
            return Duration.ZERO;
        }

        @Override
        public Trace run(Scenario defaulted, Duration horizon) throws TargetException {
            if (defaulted.pod().spec().allContainers().count() < 2) {
                throw new TargetException("this node cannot run a pod of one container", null);
            }
            return glitched(engine.run(defaulted, horizon));
        }
    }

    /** A test-only rule: no kubelet event says "Glitch". */
    static final class NoGlitch implements Invariant {
        @Override
        public String id() {
            return "test/no-glitch";
        }

        @Override
        public String must() {
            return "The kubelet MUST NOT glitch.";
        }

        @Override
        public String source() {
            return "this test";
        }

        @Override
        public Set<Observation> needs() {
            return Set.of(Observation.KUBELET_EVENTS);
        }

        @Override
        public Verdict check(Observed trial) {
            List<TraceEvent.KubeletEvent> glitches = trial.trace().all(TraceEvent.KubeletEvent.class)
                    .filter(e -> e.reason().equals("Glitch")).toList();
            return glitches.isEmpty() ? Verdict.HOLDS : Verdict.violated("the kubelet glitched", glitches);
        }
    }

    static RunResult run(Target target) {
        return run(target, 1);
    }

    static RunResult run(Target target, int trials) {
        RunPlan plan = RunPlan.builder(target).invariants(List.of(new NoGlitch())).trials(trials).seed(42L).parallelism(1)
                .horizon(Duration.ofMinutes(1)).maxShrinkAttempts(50).build();
        return new Runner(plan).run((done, total) -> { });
    }

    @Test
    void should_report_the_original_trial_when_a_real_target_does_not_violate_again() {
        // GIVEN a real target that glitched once, WHEN the runner shrinks and re-runs the violation
        RunResult result = run(new Flaky(false, Afterwards.BEHAVES));

        // THEN no error: the original scenario and trace, marked as not reproduced, unshrunk
        Counterexample c = result.invariants().get(0).counterexample();
        assertThat(c.reproduced()).isFalse();
        assertThat(c.shrinkSteps()).isZero();
        assertThat(c.origin()).isEqualTo("seed 42 trial 0");
        assertThat(c.verdict().message()).isEqualTo("the kubelet glitched");
        assertThat(c.trace().all(TraceEvent.KubeletEvent.class)).extracting(TraceEvent.KubeletEvent::reason)
                .contains("Glitch");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void should_report_the_original_trial_when_a_real_target_cannot_run_it_again() {
        RunResult result = run(new Flaky(false, Afterwards.FAILS));

        Counterexample c = result.invariants().get(0).counterexample();
        assertThat(c.reproduced()).isFalse();
        assertThat(c.trace().all(TraceEvent.KubeletEvent.class)).extracting(TraceEvent.KubeletEvent::reason)
                .contains("Glitch");
    }

    @Test
    void should_not_shrink_to_a_scenario_the_target_could_not_run() {
        // GIVEN a target that fails on every pod of one container: those trials show nothing
        RunResult result = run(new OnlyBigPods(), 20);

        // THEN the violation shrinks to the smallest pod it can run, and reproduces there
        Counterexample c = result.invariants().get(0).counterexample();
        assertThat(result.targetErrors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.message()).isEqualTo("this node cannot run a pod of one container");
            assertThat(e.origin()).startsWith("seed ");
        });
        assertThat(ConsoleReport.summaryText(result)).contains("\ninconclusive (the target could not run them):\n"
                + "  this node cannot run a pod of one container (" + result.targetErrors().size() + " trials, first: "
                + result.targetErrors().get(0).origin() + ")\n");
        assertThat(c.reproduced()).isTrue();
        assertThat(c.scenario().pod().spec().allContainers()).hasSize(2);
    }

    @Test
    void should_still_call_a_reference_that_does_not_reproduce_a_bug() {
        assertThatThrownBy(() -> run(new Flaky(true, Afterwards.BEHAVES)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test/no-glitch no longer fails on its counterexample: the reference is not deterministic");
    }
}
