package dev.podcheck.adapters.render;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Renders a scenario into a pod that acts it out on a real kubelet: every container (init, sidecar,
 * regular) runs a busybox {@code sh} script that follows its behaviour instance by instance and
 * reports what it does; probes and hooks are rewritten to follow the behaviour too. What decides the
 * semantics under test is kept as it is: container order and kinds, resources (so the QoS class),
 * restart policies, grace periods, deadlines, probe kinds and timing. Shared by the Kubernetes and
 * podman targets.
 *
 * <p>Stability: experimental.
 */
public final class PodRenderer {
    /** Where every container mounts the report volume. */
    public static final String MOUNT_PATH = "/podcheck";
    /** Set on a rendered pod, to the image it runs. */
    public static final String RENDERED_ANNOTATION = "podcheck.dev/rendered";
    /**
     * Every rendered container runs the same image: pull it once and use it after, so no start waits
     * for a registry (a kind cluster with the image loaded has no registry to ask).
     */
    static final String PULL_POLICY = "IfNotPresent";

    private PodRenderer() {}

    /**
     * @param defaulted a valid scenario, defaulted as the apiserver defaults it ({@link Defaulting#apply(Scenario)};
     *                  applied again here, it changes nothing)
     * @throws IllegalArgumentException when the pod already uses the report volume's name or mount path
     */
    public static RenderedPod render(Scenario defaulted, RenderOptions options) {
        Scenario scenario = Defaulting.apply(defaulted);
        PodSpec spec = scenario.pod().spec();
        Map<String, Map<ProbeKind, ProbeEndpoint>> endpoints = ProbeEndpoints.plan(spec);
        List<String> notes = new ArrayList<>();
        spec.allContainers().forEach(c -> notes.addAll(RenderNotes.of(spec, c, scenario.behaviour(c.name()))));
        UnaryOperator<Container> render = c -> container(c, scenario.behaviour(c.name()), endpoints.get(c.name()), options);
        PodSpec renderedSpec = new PodSpec(spec.initContainers().stream().map(render).toList(),
                spec.containers().stream().map(render).toList(), spec.restartPolicy(), spec.terminationGracePeriodSeconds(),
                spec.activeDeadlineSeconds(), spec.priority(), spec.nodeName(), spec.readinessGates(),
                ReportMount.addVolume(spec, options.reports()));
        Pod pod = scenario.pod().withSpec(renderedSpec)
                .withMetadata(scenario.pod().metadata().withAnnotation(RENDERED_ANNOTATION, options.image()));
        Pod manifest = ScenarioWriter.toManifest(scenario.withPod(pod));
        return new RenderedPod(manifest, ScenarioWriter.toYaml(manifest), notes);
    }

    private static Container container(Container c, ContainerBehaviour behaviour,
                                       Map<ProbeKind, ProbeEndpoint> endpoints, RenderOptions options) {
        Container rendered = new Container(c.name(), options.image(),
                List.of("sh", "-c", MainScript.of(c, behaviour, endpoints)), List.of(), c.resources(),
                null, null, null, lifecycle(c, behaviour), c.restartPolicy(), PULL_POLICY,
                c.terminationMessagePath(), c.terminationMessagePolicy(), ReportMount.addMount(c.name(), c.extra()));
        for (Map.Entry<ProbeKind, ProbeEndpoint> e : endpoints.entrySet()) {
            rendered = rendered.withProbe(e.getKey(), e.getValue().rewrite(c.probe(e.getKey()), c, e.getKey()));
        }
        return rendered;
    }

    private static Lifecycle lifecycle(Container c, ContainerBehaviour behaviour) {
        Lifecycle given = c.lifecycle();
        if (given == null) {
            return null;
        }
        return new Lifecycle(hook(given.postStart(), c, behaviour, Hook.postStart),
                hook(given.preStop(), c, behaviour, Hook.preStop));
    }

    private static LifecycleHandler hook(LifecycleHandler given, Container c, ContainerBehaviour behaviour, Hook hook) {
        return given == null ? null : LifecycleHandler.exec(List.of("sh", "-c", HookScript.of(c, behaviour, hook)));
    }
}
