package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Instance;
import dev.podcheck.conformance.differential.Outcome.Kind;
import java.util.List;

/**
 * {@link Fact#START_INTERVAL}: each container's first start, measured from what let the kubelet start
 * it (kuberuntime_manager.go computePodActions): the first init container from the pod's creation,
 * the next one from the completion of an init container or the start of a sidecar before it, the
 * regular containers from the last of those.
 */
final class Starts {
    private Starts() {}

    static void compare(Outcome reference, Outcome target, Freedom freedom, Findings out) {
        for (ContainerOutcome p : reference.containers()) {
            ContainerOutcome o = target.container(p.name());
            String before = predecessor(reference.containers(), p);
            Long causeP = causeAt(reference, before);
            Long causeO = causeAt(target, before);
            if (o == null || causeP == null || causeO == null) {
                continue; // the cause never came on one side: that is its own difference
            }
            Span expected = Span.of(p.first().map(Instance::startedAt).orElse(null), causeP, reference.startsEnd());
            Span observed = Span.of(o.first().map(Instance::startedAt).orElse(null), causeO, target.startsEnd());
            out.span(Fact.START_INTERVAL, p, "container " + p.name() + " first started after " + cause(before)
                    + " by", expected, observed, freedom.earlyStart(before), freedom.start(before));
        }
    }

    /** The init container (or sidecar) a container waits for, or null for the pod's creation. */
    static String predecessor(List<ContainerOutcome> containers, ContainerOutcome c) {
        String last = null;
        for (ContainerOutcome x : containers) {
            if (x.name().equals(c.name())) {
                return last;
            }
            if (x.kind() != Kind.REGULAR) {
                last = x.name();
            }
        }
        return last;
    }

    /** When the predecessor let the next container start on that side: a sidecar by starting, an init container by completing. */
    static Long causeAt(Outcome side, String predecessor) {
        if (predecessor == null) {
            return 0L;
        }
        ContainerOutcome c = side.container(predecessor);
        if (c.kind() == Kind.SIDECAR) {
            return c.first().map(Instance::startedAt).orElse(null);
        }
        return c.completion().map(Outcome.Exit::at).orElse(null);
    }

    private static String cause(String predecessor) {
        return predecessor == null ? "the pod's creation" : predecessor + " let it";
    }
}
