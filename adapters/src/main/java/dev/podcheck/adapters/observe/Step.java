package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.TraceEvent;
import java.util.function.LongFunction;

/** One step of a trace being rebuilt: a sighting, or an event inferred from sightings. */
sealed interface Step {
    /** When, in ms since the epoch. */
    long epochMillis();

    /** A sighting. */
    record Observed(Sighting sighting) implements Step {
        @Override
        public long epochMillis() {
            return sighting.epochMillis();
        }
    }

    /** An event nobody reported but the sightings imply; built at the trace time it finally gets. */
    record Inferred(long epochMillis, LongFunction<TraceEvent> event) implements Step {}
}
