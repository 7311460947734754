package dev.podcheck.conformance.api;

import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * How the command line finds a target by name ({@code --target NAME}) without importing it: each
 * provider is listed in {@code META-INF/services/dev.podcheck.conformance.api.TargetProvider}.
 * One provider instance serves one invocation: the command line sets its {@link #options()}, then
 * the verb calls {@link #open()}, {@link #clean()} or {@link #render}.
 *
 * <p>Stability: experimental.
 */
public interface TargetProvider {
    /** The name users pass to {@code --target}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /**
     * The options of this target (for example {@code --kubeconfig}), added to the verbs that take
     * {@code --target}; each sets this provider's configuration before {@link #open()}.
     */
    default List<TargetOption> options() {
        return List.of();
    }

    /** The target, configured from the parsed options. The caller closes it. */
    Target open() throws Target.TargetException;

    /** Removes what interrupted runs of this target left behind; one line per object removed. */
    default List<String> clean() throws Target.TargetException {
        return List.of();
    }

    /**
     * The runnable pod this target would submit for a defaulted scenario, as YAML, for a user to
     * inspect or apply by hand; null when the target runs scenarios as written.
     */
    default String render(Scenario defaulted) throws Target.TargetException {
        return null;
    }

    /** What generated scenarios may hold on this target: a real node cannot be put under memory pressure at will. */
    default Size size(Size asked) {
        return asked;
    }

    /** The horizon a run uses unless told otherwise: real targets run in wall time. */
    default Duration defaultHorizon() {
        return Duration.ofMinutes(10);
    }

    /**
     * Trials at once unless told otherwise: the engine is bound by cores, a real target mostly waits
     * on wall time.
     */
    default int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** How many reruns shrinking may spend on one violation: each costs a real pod on a real target. */
    default int shrinkAttempts() {
        return 2000;
    }
}
