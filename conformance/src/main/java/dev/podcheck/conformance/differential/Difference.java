package dev.podcheck.conformance.differential;

/**
 * One outcome-level fact on which a target disagrees with the reference engine's prediction.
 *
 * <p>Stability: experimental; {@link Fact} names are stable, the wording of messages may change.
 *
 * @param container  the container the fact is about, or "" for the pod
 * @param expected   what the reference predicted, in the words of {@link #message}
 * @param observed   what the target did
 * @param expectedAt when the predicted fact happened (ms since pod creation), or null if it did not
 * @param observedAt when the observed fact happened, or null if it did not
 */
public record Difference(Fact fact, String container, String expected, String observed, Long expectedAt,
                         Long observedAt) {

    /** The facts compared, each with its message template (container, expected, observed, target). */
    public enum Fact {
        /** status.qosClass. */
        QOS_CLASS("the pod's QoS class was %2$s in the reference, %3$s on %4$s"),
        /** The last phase and its reason; for a terminal phase also when it was reached. */
        PHASE("the pod's last phase was %2$s in the reference, %3$s on %4$s"),
        /** Containers' first starts and final exits in order (init order, sidecars first, termination order). */
        ORDER("%2$s in the reference, %3$s on %4$s"),
        /** Whether a container ever started. */
        STARTED("container %1$s %2$s in the reference, %3$s on %4$s"),
        /** status.restartCount at the end of the window. */
        RESTARTS("container %1$s restarted %2$s in the reference, %3$s on %4$s"),
        /** Whether, when and with which exit code a container ended for good. */
        ENDED("container %1$s %2$s in the reference, %3$s on %4$s"),
        /** When the pod's Ready condition was True. */
        READY("the pod %2$s in the reference, %3$s on %4$s"),
        /** Whether and when the pod object was removed. */
        REMOVED("the pod %2$s in the reference, %3$s on %4$s");

        private final String template;

        Fact(String template) {
            this.template = template;
        }
    }

    public Difference {
        if (fact == null || container == null || expected == null || observed == null) {
            throw new IllegalArgumentException("a difference names its fact, container, expectation and observation");
        }
    }

    /** The difference in one sentence, e.g. "container app restarted 3 times in the reference, 1 time on kind". */
    public String message(String target) {
        return String.format(fact.template, container, expected, observed, target);
    }
}
