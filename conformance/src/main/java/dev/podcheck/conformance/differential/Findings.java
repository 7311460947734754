package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences one comparison finds, and whether either side was still on its way to an effect
 * the other had reached when its window closed (which excuses a last phase that lags behind).
 */
final class Findings {
    private final List<Difference> differences = new ArrayList<>();
    private boolean targetBehind;
    private boolean referenceBehind;

    /**
     * Compares one effect's span from its cause with the reference's, allowing {@code early} less
     * and {@code late} more.
     *
     * @param container the container it is about, or null for the pod
     */
    void span(Fact fact, ContainerOutcome container, String subject, Span reference, Span observed, long early,
              long late) {
        span(fact, container, subject, reference, observed, early, late, 0);
    }

    /**
     * The same, for an effect a status may show only {@code unseen} after it happened (as the
     * reference's own status did): one the target has not shown yet may have come that much earlier.
     */
    void span(Fact fact, ContainerOutcome container, String subject, Span reference, Span observed, long early,
              long late, long unseen) {
        Allowed allowed = Allowed.around(reference, early, late);
        Span seen = observed.open() ? Span.notBy(observed.millis() - unseen, 0) : observed;
        if (!allowed.admits(seen)) {
            add(fact, container, subject, reference.toString(), observed.toString(), allowed.toString());
        } else if (observed.open() && !reference.open()) {
            targetBehind = true;
        } else if (reference.open() && !observed.open()) {
            referenceBehind = true;
        }
    }

    void add(Fact fact, ContainerOutcome container, String subject, String expected, String observed, String allowed) {
        differences.add(new Difference(fact, container == null ? "" : container.name(),
                container == null ? "" : container.kind().label(), subject, expected, observed, allowed));
    }

    boolean targetBehind() {
        return targetBehind;
    }

    boolean referenceBehind() {
        return referenceBehind;
    }

    List<Difference> differences() {
        return List.copyOf(differences);
    }
}
