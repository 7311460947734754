package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.Pod;
import org.junit.jupiter.api.Test;

/**
 * YAML 1.1 booleans as kubectl reads them (sigs.k8s.io/yaml on go-yaml v2). Each as kubectl v1.32 did with a dry-run
 * create against kube-apiserver v1.34.4: {@code hostNetwork: yes} stored true, {@code tty: Yes} true, {@code stdin: NO}
 * false, a label key {@code on} stored as "true", and {@code app: y} refused before sending ("json: cannot unmarshal bool
 * into Go struct field ObjectMeta.metadata.labels of type string").
 */
class KubectlBooleansTest {
    private static final String HEAD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";

    private static Pod read(String yaml) {
        return ScenarioReader.readOne("pod.yaml", yaml).pod();
    }

    @Test
    void should_read_yes_on_and_NO_in_boolean_fields_as_booleans() {
        Pod pod = read(HEAD + "spec:\n  hostNetwork: yes\n  enableServiceLinks: off\n  containers:\n"
                + "  - {name: app, image: busybox, tty: Yes, stdin: NO}\n");

        assertThat(pod.spec().extra()).containsEntry("hostNetwork", true).containsEntry("enableServiceLinks", false);
        assertThat(pod.spec().containers().get(0).extra()).containsEntry("tty", true).containsEntry("stdin", false);
    }

    @Test
    void should_read_a_key_on_as_true() {
        Pod pod = read(HEAD + "  labels: {on: x}\nspec:\n  containers: [{name: app, image: busybox}]\n");

        assertThat(pod.metadata().labels()).containsEntry("true", "x");
    }

    @Test
    void should_refuse_an_unquoted_yes_where_a_string_belongs_saying_why() {
        String yaml = HEAD + "  labels: {app: y}\nspec:\n  containers: [{name: app, image: busybox}]\n";

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(InputException.class).hasMessage(
                "pod.yaml:5:17: metadata.labels.app: expected a string, got y "
                        + "(a boolean to kubectl, which reads YAML 1.1: quote it to mean the string)");
    }

    @Test
    void should_keep_a_quoted_yes_a_string_and_write_it_quoted() {
        Pod pod = read(HEAD + "  labels: {app: \"yes\"}\nspec:\n  containers: [{name: app, image: busybox}]\n");

        assertThat(pod.metadata().labels()).containsEntry("app", "yes");
        assertThat(ScenarioWriter.toYaml(pod)).contains("app: \"yes\"");
        assertThat(read(ScenarioWriter.toYaml(pod)).metadata().labels()).containsEntry("app", "yes");
    }
}
