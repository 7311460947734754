package dev.podcheck.conformance.differential;

/**
 * The durations a target may show for one effect after its cause: the reference's span widened by
 * the target's timing freedom ({@code early} for a coarse clock, {@code late} for what it adds).
 * When the reference's own window closed first, there is no upper bound. A span may be negative
 * where the effect may precede what it is measured from (a sidecar killed with the rest when the
 * grace period ends).
 *
 * @param low  the shortest allowed duration (ms)
 * @param high the longest, or {@link Long#MAX_VALUE} for none
 */
record Allowed(long low, long high) {
    static final long UNBOUNDED = Long.MAX_VALUE;

    Allowed {
        if (high < low) {
            throw new IllegalArgumentException("an allowed interval ends after it begins: " + low + ".." + high);
        }
    }

    static Allowed around(Span reference, long early, long late) {
        long low = reference.millis() - early;
        return new Allowed(low, reference.open() ? UNBOUNDED : reference.millis() + late);
    }

    /**
     * Whether the observed span fits: an exact one inside the interval; an open one (the window closed
     * first) as long as the effect could still come in time.
     */
    boolean admits(Span observed) {
        return observed.open() ? observed.millis() <= high : observed.millis() >= low && observed.millis() <= high;
    }

    /** "1000..3500 ms" or "1000 ms or more". */
    @Override
    public String toString() {
        return high == UNBOUNDED ? low + " ms or more" : low + ".." + high + " ms";
    }
}
