package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Strict decoding as the apiserver does it (kubectl's default since 1.27), and the lenient read that drops what it refuses. */
class StrictDecodingTest {
    private static final String HEAD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n";

    private static Manifest only(String yaml) {
        List<Manifest> all = ScenarioReader.readManifests("pod.yaml", yaml);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<String> errors(String yaml) {
        return only(yaml).strictErrors().stream().map(e -> e.asError("pod.yaml")).toList();
    }

    @Nested
    class Unknown_fields {
        @Test
        void should_refuse_a_misspelled_probe_with_the_apiservers_words_and_its_place() {
            // GIVEN livenessProbe misspelled, as in the issue
            String yaml = HEAD + "    livenesProbe:\n      exec: {command: [\"true\"]}\n";
            // WHEN read THEN the apiserver's strict decoding error, at the key
            assertThat(errors(yaml)).containsExactly(
                    "pod.yaml:9:5: strict decoding error: unknown field \"spec.containers[0].livenesProbe\"");
        }

        @Test
        void should_drop_the_unknown_field_in_a_lenient_read_as_the_apiserver_does() {
            // GIVEN a misspelled probe WHEN read leniently THEN the pod has no probe and keeps nothing of it
            Container app = only(HEAD + "    livenesProbe:\n      exec: {command: [\"true\"]}\n")
                    .scenario().pod().spec().containers().get(0);
            assertThat(app.probe(ProbeKind.liveness)).isNull();
            assertThat(app.extra()).isEmpty();
        }

        @Test
        void should_refuse_a_probe_indented_at_spec_level() {
            String yaml = HEAD + "  readinessProbe:\n    exec: {command: [\"true\"]}\n";
            assertThat(errors(yaml)).containsExactly(
                    "pod.yaml:9:3: strict decoding error: unknown field \"spec.readinessProbe\"");
        }

        @Test
        void should_refuse_unknown_fields_in_parts_podcheck_does_not_model() {
            // GIVEN typos deep in volumes and ports, which podcheck passes through
            String yaml = HEAD + "    imagePullPolice: Always\n    ports:\n    - containerPort: 80\n      protocl: TCP\n"
                    + "  volumes:\n  - name: data\n    emptyDir: {sizeLimt: 1Gi}\n";
            // THEN each is named, in document order
            assertThat(errors(yaml)).containsExactly(
                    "pod.yaml:9:5: strict decoding error: unknown field \"spec.containers[0].imagePullPolice\"",
                    "pod.yaml:12:7: strict decoding error: unknown field \"spec.containers[0].ports[0].protocl\"",
                    "pod.yaml:15:16: strict decoding error: unknown field \"spec.volumes[0].emptyDir.sizeLimt\"");
        }

        @Test
        void should_know_every_v1_pod_field_a_user_writes() {
            String yaml = HEAD + "    env: [{name: A, value: b}]\n    securityContext: {runAsNonRoot: true}\n"
                    + "  hostNetwork: false\n  dnsPolicy: ClusterFirst\n  tolerations: [{key: k, operator: Exists}]\n"
                    + "  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                    + " [{matchExpressions: [{key: a, operator: In, values: [b]}]}]}}}\n"
                    + "status: {phase: Pending}\n";
            assertThat(errors(yaml)).isEmpty();
        }

        @Test
        void should_say_when_the_input_is_read_strictly_through_the_plain_api() {
            assertThatThrownBy(() -> ScenarioReader.read("pod.yaml", HEAD + "    livenesProbe: {}\n"))
                    .isInstanceOf(InputException.class)
                    .hasMessage("pod.yaml:9:5: strict decoding error: unknown field \"spec.containers[0].livenesProbe\"");
        }
    }

    @Nested
    class Duplicate_fields {
        @Test
        void should_refuse_a_repeated_field_and_keep_the_last_in_a_lenient_read() {
            // GIVEN imagePullPolicy twice (Go's encoding/json keeps the last)
            Manifest m = only(HEAD + "    imagePullPolicy: Always\n    imagePullPolicy: Never\n");
            assertThat(m.strictErrors()).extracting(e -> e.asError("pod.yaml")).containsExactly(
                    "pod.yaml:10:5: strict decoding error: duplicate field \"spec.containers[0].imagePullPolicy\"");
            assertThat(m.scenario().pod().spec().containers().get(0).imagePullPolicy()).isEqualTo("Never");
        }

        @Test
        void should_refuse_a_repeated_label_key() {
            // kube-apiserver v1.34.4 answered a dry-run create of a repeated map key with
            // strict decoding error: duplicate field "metadata.annotations.podcheck.dev/scenario"
            Manifest m = only(HEAD.replace("  name: web\n", "  name: web\n  labels:\n    app: a\n    app: b\n"));
            assertThat(m.strictErrors()).extracting(StrictDecodingError::message)
                    .containsExactly("duplicate field \"metadata.labels.app\"");
            assertThat(m.scenario().pod().metadata().labels()).isEqualTo(Map.of("app", "b"));
        }
    }

    @Nested
    class Types {
        @Test
        void should_refuse_a_quoted_port_where_the_api_has_an_integer() {
            assertThatThrownBy(() -> only(HEAD + "    ports:\n    - containerPort: \"80\"\n"))
                    .hasMessage("pod.yaml:10:22: spec.containers[0].ports[0].containerPort: expected an integer, got \"80\"");
        }

        @Test
        void should_place_a_binding_error_in_the_original_text() {
            // GIVEN a comment and flow style that the rewritten copy Jackson reads does not keep
            String yaml = "# a comment\n" + HEAD + "    resources: {limits: {cpu: 1x}}\n";
            assertThatThrownBy(() -> only(yaml)).hasMessageStartingWith(
                    "pod.yaml:10:31: spec.containers[0].resources.limits.cpu: quantities must match");
        }
    }

    @Test
    void should_keep_every_scalar_exactly_as_written() {
        // GIVEN quantities whose text matters (1e3 keeps its exponent form) and a block script
        String yaml = HEAD + "    command: [sh, -c]\n    args:\n    - |\n      echo  two  spaces\n      exit 0\n"
                + "    resources: {requests: {cpu: 1e3, memory: 0.5Gi}}\n";
        Container app = only(yaml).scenario().pod().spec().containers().get(0);
        assertThat(app.args()).containsExactly("echo  two  spaces\nexit 0\n");
        assertThat(app.resources().requests().get("cpu")).hasToString("1e3");
        assertThat(app.resources().requests().get("memory")).hasToString("512Mi");
    }
}
