package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Outcome.PhaseChange;
import dev.podcheck.spec.trace.PodPhase;
import java.util.Objects;

/** The pod's own facts: {@link Fact#QOS_CLASS} and {@link Fact#PHASE}. */
final class PodFacts {
    private PodFacts() {}

    static void qosClass(Outcome reference, Outcome target, Findings out) {
        if (!Objects.equals(reference.qosClass(), target.qosClass())) {
            out.add(Fact.QOS_CLASS, null, "the pod's QoS class was", String.valueOf(reference.qosClass()),
                    String.valueOf(target.qosClass()), String.valueOf(reference.qosClass()));
        }
    }

    /**
     * The last phases must be the same, unless the side with the earlier one was still on its way
     * when its window closed: an effect the other side had reached was not yet due there, or the
     * reference's last change came so near the end that the target's status, as late as a stop and
     * a status may be, need not show it yet.
     */
    static void phase(Outcome reference, Outcome target, Findings behind, Freedom freedom, Findings out) {
        PhaseChange p = last(reference);
        PhaseChange o = last(target);
        String expected = p == null ? "none" : p.toString();
        String observed = o == null ? "none" : o.toString();
        if (expected.equals(observed)) {
            return;
        }
        int rankP = rank(p);
        int rankO = rank(o);
        boolean late = p != null && p.at() > reference.horizon() - freedom.stop() - freedom.status();
        boolean catchingUp = rankO < rankP && (behind.targetBehind() || late)
                || rankP < rankO && behind.referenceBehind();
        if (!catchingUp) {
            out.add(Fact.PHASE, null, "the pod's last phase was", expected, observed,
                    expected + ", or an earlier phase while the target was behind");
        }
    }

    private static PhaseChange last(Outcome side) {
        return side.phases().isEmpty() ? null : side.phases().get(side.phases().size() - 1);
    }

    /** How far along a pod's life a phase is: none, Pending, Running, then a terminal phase. */
    private static int rank(PhaseChange c) {
        if (c == null) {
            return 0;
        }
        if (c.phase().isTerminal()) {
            return 3;
        }
        return c.phase() == PodPhase.Running ? 2 : 1;
    }
}
