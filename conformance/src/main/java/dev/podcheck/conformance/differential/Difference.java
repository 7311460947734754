package dev.podcheck.conformance.differential;

/**
 * One fact on which a target disagrees with the reference engine's prediction, with both values and
 * what the target's timing allowed.
 *
 * <p>Stability: experimental; {@link Fact} ids are stable, the wording of messages may change.
 *
 * @param container the container the fact is about, or "" for the pod
 * @param kind      that container's kind ({@code init}, {@code sidecar}, {@code regular}), or "" for the pod
 * @param subject   what the values are of, e.g. "container init-2 ran (instance 1) for"
 * @param expected  the reference's value, e.g. "2000 ms"
 * @param observed  the target's value
 * @param allowed   what the target could show and still agree, e.g. "2000..3500 ms"
 */
public record Difference(Fact fact, String container, String kind, String subject, String expected,
                         String observed, String allowed) {

    public Difference {
        if (fact == null || container == null || kind == null || subject == null || expected == null
                || observed == null || allowed == null) {
            throw new IllegalArgumentException("a difference names its fact, subject, both values and what was allowed");
        }
    }

    /**
     * The difference in one sentence, e.g. "differs/run-time: container init ran (instance 0) for 1000 ms in the
     * reference, 4372 ms on podman (allowed 1000..2500 ms)".
     */
    public String message(String target) {
        return fact.id() + ": " + subject + " " + expected + " in the reference, " + observed + " on " + target
                + " (allowed " + allowed + ")";
    }
}
