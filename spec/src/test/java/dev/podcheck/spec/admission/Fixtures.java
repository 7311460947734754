package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ExecAction;
import dev.podcheck.spec.pod.GRPCAction;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.TCPSocketAction;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small valid pods to break one field at a time. */
final class Fixtures {
    private Fixtures() {}

    static Container app() {
        return Container.of("app", "nginx:1.27");
    }

    static Pod pod(List<Container> inits, List<Container> containers) {
        return Pod.of(ObjectMeta.named("p"), PodSpec.of(inits, containers));
    }

    /** A pod with one container "app", defaulted, so it is valid. */
    static Pod valid() {
        return Defaulting.apply(pod(List.of(), List.of(app())));
    }

    /** A valid pod whose container "app" is changed, then defaulted. */
    static Pod withApp(UnaryOperator<Container> change) {
        return Defaulting.apply(pod(List.of(), List.of(change.apply(app()))));
    }

    /** A valid pod with one init container "init" (changed) before "app", then defaulted. */
    static Pod withInit(UnaryOperator<Container> change) {
        return Defaulting.apply(pod(List.of(change.apply(Container.of("init", "busybox:1.36"))), List.of(app())));
    }

    static Pod withSpec(UnaryOperator<PodSpec> change) {
        Pod pod = valid();
        return pod.withSpec(change.apply(pod.spec()));
    }

    static Container sidecar(String name) {
        return Container.of(name, "envoy:1.31").withRestartPolicy("Always");
    }

    static Probe execProbe() {
        return Probe.exec(List.of("true"));
    }

    static Probe httpProbe(IntOrString port) {
        return new Probe(null, new HTTPGetAction("/healthz", port, null, null, Map.of()), null, null,
                null, null, null, null, null, null, Map.of());
    }

    static Probe tcpProbe(IntOrString port) {
        return new Probe(null, null, new TCPSocketAction(port, null), null,
                null, null, null, null, null, null, Map.of());
    }

    static Probe grpcProbe(Integer port) {
        return new Probe(null, null, null, new GRPCAction(port, null),
                null, null, null, null, null, null, Map.of());
    }

    static Probe noHandlerProbe() {
        return new Probe(null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    static ExecAction exec(String... command) {
        return new ExecAction(List.of(command));
    }

    /** The messages of the violations, as kubectl prints them. */
    static List<String> messages(List<Violation> violations) {
        return violations.stream().map(Violation::message).toList();
    }

    static List<String> messagesOf(Pod pod) {
        return messages(Validation.validate(pod));
    }
}
