package dev.podcheck.conformance.differential;

/**
 * The observation window and the slack a target's times have in it: where two times count as the
 * same, and where a fact may fall on either side of the window's end.
 *
 * @param horizon   the end of the window (ms since pod creation)
 * @param tolerance how far the target's times may be from the reference's (ms)
 */
record Window(long horizon, long tolerance) {
    Window {
        if (tolerance < 0) {
            throw new IllegalArgumentException("the tolerance must not be negative, got " + tolerance + " ms");
        }
    }

    /** Whether two times agree within the tolerance. */
    boolean close(long a, long b) {
        return Math.abs(a - b) <= tolerance;
    }

    /**
     * Whether something at {@code at} is so near the end that, shifted by up to the tolerance, it
     * could happen after the window closed: its absence on the other side is no difference.
     */
    boolean late(long at) {
        return at > horizon - tolerance;
    }
}
