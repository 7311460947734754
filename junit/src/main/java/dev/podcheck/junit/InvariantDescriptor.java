package dev.podcheck.junit;

import dev.podcheck.conformance.api.Invariant;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** One invariant of the catalogue, a test of its class; named by its stable id ({@code init/order}). */
final class InvariantDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "invariant";

    private final Invariant invariant;

    InvariantDescriptor(ClassDescriptor parent, Invariant invariant) {
        // The test class as source: reports list the invariant under the class that asked for it.
        super(parent.getUniqueId().append(SEGMENT, invariant.id()), invariant.id(), ClassSource.from(parent.testClass()));
        this.invariant = invariant;
    }

    Invariant invariant() {
        return invariant;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
