package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.Pod;
import org.junit.jupiter.api.Test;

/**
 * YAML 1.1 booleans and integers as kubectl reads them (sigs.k8s.io/yaml on go-yaml v2). Each as kubectl v1.32 did
 * with a dry-run create against kube-apiserver v1.34.4: {@code hostNetwork: yes} stored true, {@code tty: Yes} true,
 * {@code stdin: NO} false, a label key {@code on} stored as "true", {@code app: y} refused before sending ("json: cannot
 * unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string"); {@code defaultMode: 0644} stored as
 * 420, {@code 0o600} as 384, {@code 0b111} as 7, {@code terminationGracePeriodSeconds: 1_0} as 10 and
 * {@code activeDeadlineSeconds: 0x1F} as 31.
 */
class KubectlScalarsTest {
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

    @Test
    void should_read_integers_as_go_does_octal_with_a_leading_zero_and_underscores_dropped() {
        Pod pod = read(HEAD + "spec:\n  terminationGracePeriodSeconds: 1_0\n  activeDeadlineSeconds: 0x1F\n"
                + "  containers: [{name: app, image: busybox}]\n  volumes:\n"
                + "  - {name: c, configMap: {name: x, defaultMode: 0644}}\n  - {name: d, configMap: {name: x, defaultMode: 0o600}}\n"
                + "  - {name: e, secret: {secretName: x, defaultMode: 0b111}}\n");

        assertThat(pod.spec().terminationGracePeriodSeconds()).isEqualTo(10);
        assertThat(pod.spec().activeDeadlineSeconds()).isEqualTo(31);
        assertThat(pod.spec().extra().get("volumes").toString()).contains("defaultMode=420", "defaultMode=384", "defaultMode=7");
    }

    @Test
    void should_refuse_an_octal_looking_number_where_a_string_belongs_saying_why() {
        String yaml = HEAD + "spec:\n  containers: [{name: app, image: busybox, env: [{name: MODE, value: 0644}]}]\n";

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(InputException.class).hasMessageEndingWith(
                "expected a string, got 0644 (a number to kubectl, which reads YAML 1.1: quote it to mean the string)");
    }

    @Test
    void should_write_strings_that_kubectl_would_read_as_numbers_or_booleans_quoted() {
        Pod pod = read(HEAD + "  labels: {a: \"1_000\", b: \"0644\", c: \"0b1\", d: \"on\", \"0x1F\": v}\n"
                + "spec:\n  containers: [{name: app, image: busybox}]\n");

        String written = ScenarioWriter.toYaml(pod);

        assertThat(written).contains("a: \"1_000\"", "b: \"0644\"", "c: \"0b1\"", "d: \"on\"", "\"0x1F\": v");
        assertThat(read(written).metadata().labels()).isEqualTo(pod.metadata().labels());
    }
}
