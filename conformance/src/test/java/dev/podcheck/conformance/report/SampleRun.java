package dev.podcheck.conformance.report;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test fixture: a real run of the reference engine over generated pods, checked by five test-only
 * invariants, one per outcome. "test/no-sidecar" is violated by every pod with a sidecar, and its
 * MUST sentence and message carry {@code < & " '} to test escaping.
 */
final class SampleRun {
    static final String NO_SIDECAR = "test/no-sidecar";
    static final String MUST = "A pod MUST NOT have a sidecar <restartPolicy: Always> & \"friends\" (test 'only')";
    static final long SEED = 7;
    static final int TRIALS = 40;

    private static RunResult cached;

    private SampleRun() {}

    /** The run, made once: the engine is fast, but shrinking takes a few hundred trials. */
    static synchronized RunResult result() {
        if (cached == null) {
            List<Invariant> invariants = List.of(new NoSidecar(), fixed("test/holds", Verdict.HOLDS, Set.of()),
                    fixed("other/unknown", Verdict.unknown("the checker <timed out>"), Set.of()),
                    fixed("other/deviates", Verdict.violated("always \"violated\""), Set.of()),
                    fixed("other/evictions", Verdict.HOLDS, Set.of(Observation.EVICTION)));
            RunPlan plan = RunPlan.builder(new WithoutEvictions()).invariants(invariants).trials(TRIALS).seed(SEED)
                    .parallelism(1).knownDeviations(Map.of("other/deviates", "the target <rounds> times"))
                    .horizon(Duration.ofMinutes(2)).maxShrinkAttempts(500).build();
            cached = new Runner(plan).run((done, total) -> { });
        }
        return cached;
    }

    /** Violated by the first Running status of each sidecar. */
    static final class NoSidecar implements Invariant {
        @Override
        public String id() {
            return NO_SIDECAR;
        }

        @Override
        public String must() {
            return MUST;
        }

        @Override
        public String source() {
            return "test fixture";
        }

        @Override
        public Set<Observation> needs() {
            return Set.of(Observation.CONTAINER_STATUSES);
        }

        @Override
        public Verdict check(Observed trial) {
            List<String> sidecars = trial.scenario().pod().spec().sidecars().stream().map(Container::name).toList();
            if (sidecars.isEmpty()) {
                return Verdict.HOLDS;
            }
            Trace trace = trial.trace();
            List<TraceEvent> witness = trace.all(TraceEvent.ContainerStatusChanged.class)
                    .filter(e -> sidecars.contains(e.status().name()) && e.status().isRunning())
                    .map(TraceEvent.class::cast).limit(1).toList();
            return Verdict.violated("sidecar \"" + sidecars.get(0) + "\" ran <&>", witness);
        }
    }

    private static Invariant fixed(String id, Verdict verdict, Set<Observation> needs) {
        return new Invariant() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String must() {
                return "Test fixture " + id + " MUST give its fixed verdict.";
            }

            @Override
            public String source() {
                return "test fixture";
            }

            @Override
            public Set<Observation> needs() {
                return needs;
            }

            @Override
            public Verdict check(Observed trial) {
                return verdict;
            }
        };
    }

    /** The engine, seen by a target that cannot observe evictions: still the reference, so nothing is compared. */
    static final class WithoutEvictions implements Target {
        private final EngineTarget engine = new EngineTarget();

        @Override
        public String name() {
            return "engine-no-evictions";
        }

        @Override
        public boolean reference() {
            return true;
        }

        @Override
        public Set<Observation> observations() {
            EnumSet<Observation> all = EnumSet.allOf(Observation.class);
            all.remove(Observation.EVICTION);
            return all;
        }

        @Override
        public Duration tolerance() {
            return Duration.ZERO;
        }

        @Override
        public Trace run(Scenario defaulted, Duration horizon) {
            return engine.run(defaulted, horizon);
        }
    }
}
