package dev.podcheck.spec.pod;

import java.util.List;
import java.util.Optional;

/** One way to check a container or run a hook: the alternatives of probes and lifecycle handlers. */
public sealed interface Handler permits ExecAction, HTTPGetAction, TCPSocketAction, GRPCAction, SleepAction {
    /** The API field name of this handler ({@code exec}, {@code httpGet}, ...). */
    String fieldName();

    /** The handler of a probe or hook when exactly one is set, as validation requires (V-12). */
    static Optional<Handler> single(List<Handler> set) {
        return set.size() == 1 ? Optional.of(set.get(0)) : Optional.empty();
    }
}
