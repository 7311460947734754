package dev.podcheck.junit;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** One {@link PodcheckProperty} method, a test of its class. */
final class PropertyDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "property";

    private final Class<?> testClass;
    private final Method method;

    PropertyDescriptor(ClassDescriptor parent, Method method) {
        super(parent.getUniqueId().append(SEGMENT, key(method)), method.getName(),
                MethodSource.from(parent.testClass(), method));
        this.testClass = parent.testClass();
        this.method = method;
    }

    /** The method's name and parameter types: what tells overloads apart in a unique id. */
    static String key(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    Class<?> testClass() {
        return testClass;
    }

    Method method() {
        return method;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
