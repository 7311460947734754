package dev.podcheck.conformance.report;

import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A verdict's witness events as text lines, in the words of the {@link Timeline}. */
final class Witness {
    private Witness() {}

    /**
     * One line per event, {@code time  container  change}. A status is shown in full (not as a
     * difference): a witness is read on its own, without the statuses before it.
     */
    static List<String> lines(List<TraceEvent> witness) {
        return witness.stream().map(Witness::line).toList();
    }

    static String text(List<TraceEvent> witness) {
        return lines(witness).stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    static String line(TraceEvent event) {
        Change change = Change.of(event, null);
        String container = change == null || change.container().isEmpty() ? Timeline.POD : change.container();
        String text = change == null ? event.toString() : change.text();
        return String.format(Locale.ROOT, "%9s  %-12s  %s", Timeline.seconds(event.at()), container, text);
    }
}
