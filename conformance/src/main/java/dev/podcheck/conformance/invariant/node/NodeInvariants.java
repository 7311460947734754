package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code node}: kubelet restarts and sandbox losses (SEMANTICS KR-1..KR-5, SB-1..SB-5), in id order. */
public final class NodeInvariants {
    private NodeInvariants() {}

    /** The invariants of group {@code node}. */
    public static List<Invariant> all() {
        return List.of(new InitRerunsAfterSandboxLoss(), new NoSandboxUnderNever(), new ProbesStartAgain(),
                new RestartForgetsBackOff(), new RestartKeepsContainers(), new SandboxRecreated());
    }
}
