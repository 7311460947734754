package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Instance;
import dev.podcheck.conformance.differential.Outcome.Kind;
import dev.podcheck.conformance.differential.Outcome.PhaseChange;
import dev.podcheck.spec.trace.PodPhase;
import java.util.Objects;

/** The pod's own facts: {@link Fact#QOS_CLASS}, {@link Fact#PHASE} and {@link Fact#READY}. */
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
     * when its window closed: an effect the other side had reached was not yet due there.
     */
    static void phase(Outcome reference, Outcome target, Findings behind, Findings out) {
        PhaseChange p = last(reference);
        PhaseChange o = last(target);
        String expected = p == null ? "none" : p.toString();
        String observed = o == null ? "none" : o.toString();
        if (expected.equals(observed)) {
            return;
        }
        int rankP = rank(p);
        int rankO = rank(o);
        boolean catchingUp = rankO < rankP && behind.targetBehind() || rankP < rankO && behind.referenceBehind();
        if (!catchingUp) {
            out.add(Fact.PHASE, null, "the pod's last phase was", expected, observed,
                    expected + ", or an earlier phase while the target was behind");
        }
    }

    /** Ready measured from the last regular container's first start on each side. */
    static void ready(Outcome reference, Outcome target, Freedom freedom, Findings out) {
        Long causeP = lastRegularStart(reference);
        Long causeO = lastRegularStart(target);
        if (causeP == null || causeO == null) {
            return;
        }
        out.span(Fact.READY, null, "the pod became Ready after its last regular container started by",
                Span.of(reference.readyAt(), causeP, reference.horizon()),
                Span.of(target.readyAt(), causeO, target.horizon()), freedom.early(), freedom.ready());
    }

    private static Long lastRegularStart(Outcome side) {
        Long last = null;
        for (ContainerOutcome c : side.containers()) {
            if (c.kind() == Kind.REGULAR) {
                Long at = c.first().map(Instance::startedAt).orElse(null);
                if (at == null) {
                    return null;
                }
                last = last == null ? at : Math.max(last, at);
            }
        }
        return last; // null too when the side shows no container statuses
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
