package dev.podcheck.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A test class: its invariants (with {@link PodcheckCatalogue}) and its properties ({@link PodcheckProperty}). */
final class ClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";

    private final Class<?> testClass;

    ClassDescriptor(UniqueId parent, Class<?> testClass) {
        super(parent.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
