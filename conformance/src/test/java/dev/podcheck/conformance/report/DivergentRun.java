package dev.podcheck.conformance.report;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.differential.EngineStandIn;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.generate.Size;
import java.time.Duration;
import java.util.List;

/**
 * Test fixture: a real run on a target that is not the reference, the engine with a fault that
 * starts apps before their init containers end, checked by the init invariants (which catch it too)
 * and compared with the faithful engine's predictions.
 */
final class DivergentRun {
    static final String TARGET = "faulty-engine";
    static final long SEED = 3;
    /** What a real target draws: the node's images are not staged there (render.UnsupportedFeatures). */
    static final Size STAND_IN = Size.DEFAULT.withImagePulls(false).withNodeDisruptions(false);

    private static RunResult cached;

    private DivergentRun() {}

    static synchronized RunResult result() {
        if (cached == null) {
            cached = run(List.of());
        }
        return cached;
    }

    static RunResult run(List<KnownDifference> known) {
        List<Invariant> init = Catalogue.all().stream().filter(i -> i.group().equals("init")).toList();
        RunPlan plan = RunPlan.builder(EngineStandIn.faulty(Fault.APP_STARTS_BEFORE_INIT_ENDS)).invariants(init).trials(30)
                .seed(SEED).parallelism(2).knownDifferences(known).horizon(Duration.ofMinutes(2)).size(STAND_IN)
                .maxShrinkAttempts(300).build();
        return new Runner(plan).run((done, total) -> { });
    }
}
