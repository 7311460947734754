package dev.podcheck.conformance.api;

import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;

/**
 * An invariant's verdict on one trace: it holds, it is violated (with the events that break it),
 * or it is unknown (not observable, or the checker failed). Combined, VIOLATED beats UNKNOWN beats
 * HOLDS; an exception is UNKNOWN, never HOLDS.
 *
 * <p>Stability: experimental.
 */
public sealed interface Verdict {
    Verdict HOLDS = new Holds();

    record Holds() implements Verdict {}

    /** @param witness the events that break the rule, in trace order */
    record Violated(String message, List<TraceEvent> witness) implements Verdict {
        public Violated {
            witness = Immutables.list(witness);
        }
    }

    record Unknown(String reason) implements Verdict {}

    static Verdict violated(String message, List<? extends TraceEvent> witness) {
        return new Violated(message, List.<TraceEvent>copyOf(witness));
    }

    static Verdict violated(String message, TraceEvent... witness) {
        return new Violated(message, List.of(witness));
    }

    static Verdict unknown(String reason) {
        return new Unknown(reason);
    }

    /** The stronger of two verdicts: VIOLATED over UNKNOWN over HOLDS; the first one wins a tie. */
    default Verdict and(Verdict other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Verdict v) {
        if (v instanceof Violated) {
            return 2;
        }
        return v instanceof Unknown ? 1 : 0;
    }
}
