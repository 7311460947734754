package dev.podcheck.junit;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Target;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * On a test class: the catalogue's invariants as tests, one per invariant, run by podcheck's JUnit
 * Platform engine. One run of {@code trials} generated scenarios on {@code target} checks them all;
 * an invariant it violates fails with its shrunk counterexample (the pod, the witness, the
 * timeline), one that no trial could decide is aborted, one the target cannot observe is skipped.
 * {@code -Dpodcheck.seed=S} (a system property or a JUnit configuration parameter) replays a run.
 *
 * <pre>{@code
 * @PodcheckCatalogue(target = EngineTarget.class, trials = 200, seed = 1)
 * class EngineCatalogueTest {}
 * }</pre>
 *
 * <p>Stability: experimental.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.TYPE)
public @interface PodcheckCatalogue {
    /** The target, made with its no-argument constructor and closed after the run. */
    Class<? extends Target> target() default EngineTarget.class;

    /** How many generated scenarios the run checks. */
    int trials() default 1000;

    /** The run's seed; 0 draws one, which a failure names for its replay. */
    long seed() default 0;

    /** How long each scenario runs, as a duration such as {@code 10m} or {@code 90s}. */
    String horizon() default "10m";
}
