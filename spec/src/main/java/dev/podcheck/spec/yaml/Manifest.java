package dev.podcheck.spec.yaml;

import dev.podcheck.spec.scenario.Scenario;
import java.util.List;

/**
 * One Pod document as read: the scenario as a lenient decode keeps it (unknown fields dropped, the
 * last of repeated fields kept), what strict decoding refuses in it, and where each field was written.
 *
 * @param source the file (or other source) it came from, as errors name it
 */
public record Manifest(String source, Scenario scenario, List<StrictDecodingError> strictErrors,
                       SourcePositions positions) {

    public Manifest {
        strictErrors = List.copyOf(strictErrors);
    }

    /** The scenario, if strict decoding accepts it; else its first strict error as an {@link InputException}. */
    public Scenario strictScenario() {
        if (strictErrors.isEmpty()) {
            return scenario;
        }
        StrictDecodingError first = strictErrors.get(0);
        throw new InputException(source, first.line(), first.column(), "", StrictDecodingError.PREFIX + first.message());
    }

    /** {@code source:line:column} of a field, or just the source where it is not known. */
    public String place(String field) {
        return positions.of(field).map(at -> source + ":" + at).orElse(source);
    }
}
