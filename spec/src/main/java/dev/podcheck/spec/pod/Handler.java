package dev.podcheck.spec.pod;

/** One way to check a container or run a hook: the alternatives of probes and lifecycle handlers. */
public sealed interface Handler permits ExecAction, HTTPGetAction, TCPSocketAction, GRPCAction, SleepAction {
    /** The API field name of this handler ({@code exec}, {@code httpGet}, ...). */
    String fieldName();
}
