package dev.podcheck.conformance.differential;

/**
 * How long after its cause an effect came: exactly {@code millis}, or, when the window closed
 * first, at least {@code millis} (open). Every duration the differential compares is one.
 */
record Span(long millis, boolean open) {
    static Span exactly(long millis) {
        return new Span(millis, false);
    }

    /** Not seen by {@code end}: it would come at least {@code end - cause} after its cause. */
    static Span notBy(long end, long cause) {
        return new Span(Math.max(0, end - cause), true);
    }

    /** The effect at {@code at} (null if not seen by {@code end}) after its cause at {@code cause}. */
    static Span of(Long at, long cause, long end) {
        return at == null ? notBy(end, cause) : exactly(at - cause);
    }

    /** "2000 ms", or "over 18000 ms (not yet when the window closed)". */
    @Override
    public String toString() {
        return open ? "over " + millis + " ms (not yet when the window closed)" : millis + " ms";
    }
}
