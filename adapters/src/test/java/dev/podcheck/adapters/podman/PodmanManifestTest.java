package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.render.PodRenderer;
import dev.podcheck.adapters.render.RenderedPod;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodmanManifestTest {
    private static final Scenario WEB = Defaulting.apply(ScenarioReader.readOne("test", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
              labels: {app: web}
              annotations:
                team: checkout
                podcheck.dev/scenario: |
                  containers:
                    app: {exit: {after: 2s, code: 1}}
            spec:
              containers:
              - {name: app, image: busybox:1.36}
            """));

    private static RenderedPod render() {
        return PodmanManifest.render(WEB, "localhost/podcheck-busybox:1.35.0", new StateDir(Path.of("/state")),
                "web-r1-1", "r1");
    }

    @Test
    void should_name_the_pod_for_the_trial_and_label_it_with_the_run_and_its_state_folder() {
        var meta = render().pod().metadata();

        assertThat(meta.name()).isEqualTo("web-r1-1");
        assertThat(meta.namespace()).isNull();
        assertThat(meta.labels()).containsExactly(Map.entry("app", "web"), Map.entry(PodmanManifest.RUN_LABEL, "r1"),
                Map.entry(PodmanManifest.STATE_LABEL, new StateDir(Path.of("/state")).id()));
        assertThat(new StateDir(Path.of("/state")).id()).matches("[0-9a-f]{16}");
    }

    @Test
    void should_keep_the_reports_in_the_trials_host_folder() {
        assertThat(render().yaml()).contains("""
                  - name: podcheck-reports
                    hostPath:
                      path: /state/trials/web-r1-1
                      type: DirectoryOrCreate
                """);
        assertThat(render().pod().spec().containers().get(0).image()).isEqualTo("localhost/podcheck-busybox:1.35.0");
    }

    @Test
    void should_leave_out_the_annotations_podman_refuses_and_keep_the_others() {
        var annotations = render().pod().metadata().annotations();

        assertThat(annotations).containsOnlyKeys("team");
        assertThat(annotations).doesNotContainKeys("podcheck.dev/scenario", PodRenderer.RENDERED_ANNOTATION);
    }

    @Test
    void should_put_renderings_notes_before_the_yaml() {
        RenderedPod rendered = new RenderedPod(render().pod(), "kind: Pod\n", java.util.List.of("app: a note"));

        assertThat(PodmanManifest.withNotes(rendered)).isEqualTo("# note: app: a note\nkind: Pod\n");
    }
}
