package dev.podcheck.conformance.invariant;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import java.util.Set;

/**
 * An invariant judging some other view of a trial than the one it is given (a part of it, or each pod of a node),
 * with the id, sentence, source and needs of the invariant it wraps: only {@link #check} is its own.
 */
public interface Narrowed extends Invariant {
    /** The invariant whose rule this one applies. */
    Invariant invariant();

    @Override
    default String id() {
        return invariant().id();
    }

    @Override
    default String must() {
        return invariant().must();
    }

    @Override
    default String source() {
        return invariant().source();
    }

    @Override
    default Set<Observation> needs() {
        return invariant().needs();
    }
}
