package dev.podcheck.adapters.render;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.yaml.ScenarioReader;

/** Scenarios of one container {@code app}, written as YAML, rendered, and the scripts taken out of them. */
final class TestPods {
    static final String APP = "app";

    private TestPods() {}

    /**
     * @param behaviour the behaviour of {@code app} in flow style, e.g. {@code {exit: {after: 100ms, code: 3}}}
     * @param fields    more fields of the container, each a line of flow-style YAML, e.g.
     *                  {@code readinessProbe: {exec: {command: [x]}}}
     */
    static RenderedPod app(String behaviour, String... fields) {
        return PodRenderer.render(scenario(behaviour, fields), RenderOptions.kubernetes(null));
    }

    static Scenario scenario(String behaviour, String... fields) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: test
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: %s
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                """.formatted(behaviour));
        for (String field : fields) {
            yaml.append("    ").append(field).append('\n');
        }
        return Defaulting.apply(ScenarioReader.readOne("test", yaml.toString()));
    }

    static Container container(RenderedPod rendered, String name) {
        return rendered.pod().spec().allContainers().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** The script of {@code sh -c <script>}. */
    static String main(RenderedPod rendered) {
        return script(container(rendered, APP).command().toArray(String[]::new));
    }

    static String hook(RenderedPod rendered, Hook hook) {
        var lifecycle = container(rendered, APP).lifecycle();
        var handler = hook == Hook.postStart ? lifecycle.postStart() : lifecycle.preStop();
        return script(handler.exec().command().toArray(String[]::new));
    }

    static String execProbe(RenderedPod rendered, ProbeKind kind) {
        return script(container(rendered, APP).probe(kind).exec().command().toArray(String[]::new));
    }

    private static String script(String... command) {
        if (command.length != 3 || !command[0].equals("sh") || !command[1].equals("-c")) {
            throw new AssertionError("expected sh -c <script>, got " + String.join(" ", command));
        }
        return command[2];
    }
}
