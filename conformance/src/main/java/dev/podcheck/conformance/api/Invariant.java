package dev.podcheck.conformance.api;

import java.util.Set;

/**
 * One rule of pod semantics that every trace of every target must satisfy, written from the
 * Kubernetes rules (never by calling the engine). Ids are stable across releases: reports, skip
 * lists and JUnit names use them.
 *
 * <p>Stability: experimental.
 */
public interface Invariant {
    /** A stable id such as {@code init/order}; the part before the slash is its group. */
    String id();

    /** The rule as one MUST sentence. */
    String must();

    /**
     * Where Kubernetes states it: a doc, KEP or source file, and the ids of the facts of docs/semantics.md
     * it rests on, as {@code SEMANTICS T-7, P-4} (reports turn them into links to that file's anchors).
     */
    String source();

    /** What the checker reads; without all of it the verdict is UNKNOWN. */
    Set<Observation> needs();

    /** Checks one trial. May throw: {@link Invariants#evaluate} turns that into UNKNOWN. */
    Verdict check(Observed trial);

    /** The group: {@code init} for {@code init/order}. */
    default String group() {
        int slash = id().indexOf('/');
        return slash < 0 ? id() : id().substring(0, slash);
    }
}
