package dev.podcheck.junit;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A user's {@link PodcheckProperty} method as an invariant, so that the runner generates, runs, checks
 * and shrinks it exactly as it does the catalogue's: a throw or a {@code false} is a violation.
 */
final class MethodProperty implements Invariant {
    private final Object instance;
    private final Method method;
    private final Function<Observed, Object[]> arguments;

    /** @throws IllegalArgumentException naming a parameter or return type podcheck does not resolve */
    MethodProperty(Object instance, Method method, Target target) {
        this.instance = instance;
        this.method = method;
        Class<?> returns = method.getReturnType();
        if (returns != void.class && returns != boolean.class && returns != Boolean.class) {
            throw new IllegalArgumentException(name() + " returns " + returns.getSimpleName()
                    + ": a property returns void (and asserts) or boolean");
        }
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] != Scenario.class && types[i] != Trace.class && types[i] != Target.class && types[i] != Observed.class) {
                throw new IllegalArgumentException("parameter " + (i + 1) + " of " + name() + " is a " + types[i].getSimpleName()
                        + ": a property takes Scenario, Trace, Target or Observed");
            }
        }
        this.arguments = trial -> {
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = types[i] == Scenario.class ? trial.scenario() : types[i] == Trace.class ? trial.trace()
                        : types[i] == Target.class ? target : trial;
            }
            return args;
        };
    }

    private String name() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    @Override
    public String id() {
        return name();
    }

    @Override
    public String must() {
        return name() + " holds on every scenario";
    }

    @Override
    public String source() {
        return method.toGenericString();
    }

    @Override
    public Set<Observation> needs() {
        return Set.of();
    }

    @Override
    public Verdict check(Observed trial) {
        Object answer;
        try {
            answer = ReflectionSupport.invokeMethod(method, instance, arguments.apply(trial));
        } catch (Exception | AssertionError e) {
            // Any throw fails a property, as in a JUnit test; shrinking keeps the scenarios that still throw.
            return Verdict.violated(e.toString());
        }
        return Boolean.FALSE.equals(answer) ? Verdict.violated(name() + " returned false") : Verdict.HOLDS;
    }
}
