package dev.podcheck.conformance.selfcheck;

/** Which way an invariant checks its rule. */
enum Direction {
    /** Never too early, never when forbidden. */
    SAFETY,
    /** Must happen, by a bound that follows from the rule and the target's tolerance. */
    PROGRESS
}
