package dev.podcheck.junit;

import dev.podcheck.conformance.api.Invariant;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** One invariant of the catalogue, a test of its class; named by its stable id ({@code init/order}). */
final class InvariantDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "invariant";

    private final Invariant invariant;

    InvariantDescriptor(ClassDescriptor parent, Invariant invariant) {
        // A "method" of the class that asked for it, named by the id: surefire's report lists each invariant by
        // that name under the class (a class source would leave it nameless); IDEs rerun it by its unique id.
        super(parent.getUniqueId().append(SEGMENT, invariant.id()), invariant.id(),
                MethodSource.from(parent.testClass().getName(), invariant.id()));
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
