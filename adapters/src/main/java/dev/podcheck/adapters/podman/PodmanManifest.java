package dev.podcheck.adapters.podman;

import dev.podcheck.adapters.render.PodRenderer;
import dev.podcheck.adapters.render.RenderOptions;
import dev.podcheck.adapters.render.RenderedPod;
import dev.podcheck.adapters.render.ReportVolume;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pod podman is given for a scenario: the shared rendering with its report volume on a host
 * folder, fresh for each trial (it outlives the containers' restarts as an emptyDir does, and the
 * target reads the reports straight from it), under the trial's pod name, with the run label,
 * without the annotations podman refuses. kube play copies a pod's labels to the pod and to each
 * of its containers, so that the label finds both.
 */
final class PodmanManifest {
    /** The label on every pod and container the target makes; its value is the run's id. */
    static final String RUN_LABEL = "podcheck.dev/run";
    /** The label naming the run's state folder by its {@link StateDir#id()}: where its lock is. */
    static final String STATE_LABEL = "podcheck.dev/state";
    /**
     * podman 4.3 checks annotation values as label values and refuses the pod otherwise ("value
     * length exceeds Kubernetetes max 63"): the scenario annotation and the rendered one
     * (an image name) are left out. They describe the pod; nothing podman does depends on them.
     */
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private PodmanManifest() {}

    /** The manifest of a trial: its YAML, and where rendering could not keep the scenario's semantics. */
    static RenderedPod render(Scenario defaulted, String image, StateDir state, String podName, String runId) {
        Path reportDir = state.trialDir(podName);
        RenderedPod rendered = PodRenderer.render(defaulted,
                new RenderOptions(image, new ReportVolume.HostPath(reportDir.toString())));
        ObjectMeta m = rendered.pod().metadata();
        Map<String, String> labels = new LinkedHashMap<>(m.labels());
        labels.put(RUN_LABEL, runId);
        labels.put(STATE_LABEL, state.id());
        Map<String, String> annotations = new LinkedHashMap<>(m.annotations());
        annotations.values().removeIf(v -> !LABEL_VALUE.matcher(v).matches());
        Pod pod = rendered.pod().withMetadata(new ObjectMeta(podName, null, m.uid(), labels, annotations, m.finalizers(), m.extra()));
        return new RenderedPod(pod, ScenarioWriter.toYaml(pod), rendered.notes());
    }

    /** The YAML with rendering's notes as comments first: what {@code podcheck render} prints. */
    static String withNotes(RenderedPod rendered) {
        return rendered.notes().stream().map(n -> "# note: " + n + "\n").collect(Collectors.joining()) + rendered.yaml();
    }
}
