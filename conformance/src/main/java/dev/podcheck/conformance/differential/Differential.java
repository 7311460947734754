package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Timing;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a target's outcome with the reference engine's prediction, fact by fact ({@link Fact}),
 * each duration from its own cause within what the target's {@link Timing} adds to that one step,
 * and only on facts both outcomes observed. A target that honours every rule may still differ where
 * the engine is wrong: a difference is a finding to look at, under its fact's id; the finding as a
 * whole is reported as {@value #ID}.
 *
 * <p>Stability: experimental.
 */
public final class Differential {
    /** The finding's name in reports and JUnit: the group of every {@link Fact}. */
    public static final String ID = "differs-from-reference";

    private Differential() {}

    /** Every fact on which {@code observed} differs from {@code predicted}: pod facts first, then order, then per container. */
    public static List<Difference> compare(Scenario defaulted, Outcome predicted, Outcome observed, Timing timing) {
        Set<Observation> both = EnumSet.noneOf(Observation.class);
        both.addAll(predicted.observed());
        both.retainAll(observed.observed());
        Freedom freedom = new Freedom(timing, defaulted);
        Findings containers = new Findings();
        if (both.contains(Observation.CONTAINER_STATUSES)) {
            Order.compare(predicted, observed, freedom.early(), containers);
            Starts.compare(predicted, observed, freedom, containers);
            Runs.compare(predicted, observed, both.contains(Observation.CONDITIONS), freedom, containers);
            Stops.compare(predicted, observed, freedom, containers);
        }
        Findings pod = new Findings();
        if (both.contains(Observation.QOS_CLASS)) {
            PodFacts.qosClass(predicted, observed, pod);
        }
        if (both.contains(Observation.PHASE)) {
            PodFacts.phase(predicted, observed, containers, freedom, pod);
        }
        List<Difference> out = new ArrayList<>(pod.differences());
        out.addAll(containers.differences());
        return out;
    }
}
