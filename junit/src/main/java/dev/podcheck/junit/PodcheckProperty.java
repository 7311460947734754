package dev.podcheck.junit;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Target;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * On a method: a property of your own, checked on {@code trials} generated scenarios run on
 * {@code target}. Its parameters are resolved by type: {@link dev.podcheck.spec.scenario.Scenario}
 * (defaulted, as the apiserver stores it), {@link dev.podcheck.spec.trace.Trace} (what the target did
 * with it), {@link Target} and {@link dev.podcheck.conformance.api.Observed}. It fails by throwing
 * (an assertion) or by returning {@code false}; its first failure is shrunk, as the runner shrinks a
 * violated invariant, to the smallest scenario that still fails, which the test's failure shows.
 * {@code -Dpodcheck.seed=S} replays it.
 *
 * <pre>{@code
 * @PodcheckProperty(trials = 200)
 * void sidecars_start_before_the_app(Scenario scenario, Trace trace) { ... }
 * }</pre>
 *
 * <p>Stability: experimental.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.METHOD)
public @interface PodcheckProperty {
    /** The target, made with its no-argument constructor and closed after the property's run. */
    Class<? extends Target> target() default EngineTarget.class;

    /** How many generated scenarios the property is checked on. */
    int trials() default 100;

    /** The seed; 0 draws one, which a failure names for its replay. */
    long seed() default 0;

    /** How long each scenario runs, as a duration such as {@code 5m} or {@code 90s}. */
    String horizon() default "5m";
}
