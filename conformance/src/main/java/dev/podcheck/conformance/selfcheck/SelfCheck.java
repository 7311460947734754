package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import dev.podcheck.engine.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * podcheck checks itself: each {@link Fault} makes a deliberately wrong engine, run with the budget of
 * a plain {@code podcheck run} (docs/self-check.md). What {@code podcheck self-check} shows: which
 * invariants caught each fault and how soon (the kill table), and the full report of one faulty engine,
 * so a user sees a red report without a cluster.
 *
 * <p>Stability: experimental.
 */
public final class SelfCheck {
    /** The seed every self-check run uses, so the table is the same on every machine. */
    public static final long SEED = DefaultRun.SEED;
    public static final int TRIALS = DefaultRun.TRIALS;

    private SelfCheck() {}

    /** Told after each engine's run: how many of {@code total} (the faithful one included) are done. */
    @FunctionalInterface
    public interface Progress {
        void engineDone(int done, int total);
    }

    /**
     * The kill table: the faithful engine, then each fault alone, on the same trials; a fault is caught by
     * the invariants it makes fail before the faithful engine does (if ever).
     */
    public static List<Detection> killTable(List<Fault> faults, Progress progress) {
        Map<String, Integer> faithful = Detection.firstViolations(DefaultRun.run(DefaultRun.detection(Set.of())));
        progress.engineDone(1, faults.size() + 1);
        int done = 1;
        List<Detection> table = new ArrayList<>();
        for (Fault fault : faults) {
            table.add(Detection.of(fault, DefaultRun.run(DefaultRun.detection(Set.of(fault))), faithful));
            progress.engineDone(++done, faults.size() + 1);
        }
        return List.copyOf(table);
    }

    /** The Kubernetes rule a fault breaks, in one line. */
    public static String rule(Fault fault) {
        return Mutants.RULE.get(fault);
    }

    /**
     * One faulty engine's run over the whole catalogue, every violation shrunk as {@code podcheck run}
     * shrinks it: the result a report is written from.
     */
    public static RunResult report(Fault fault, Runner.Progress progress) {
        return new Runner(DefaultRun.shrinking(Set.of(fault), Catalogue.all())).run(progress);
    }
}
