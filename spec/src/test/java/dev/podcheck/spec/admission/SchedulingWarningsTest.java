package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Admit.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.yaml.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** warnings.go on placement; each as kube-apiserver v1.34.4 returned it for a dry-run create (ApiserverAdmissionTest). */
class SchedulingWarningsTest {

    private static List<String> warnings(String yaml) {
        PodCreate create = PodCreate.of(ScenarioReader.readManifests("pod.yaml", yaml).get(0).scenario());
        assertThat(create.accepted()).as("accepted: %s", create.violations()).isTrue();
        return create.warnings().stream().map(Warning::text).toList();
    }

    @Test
    void should_warn_that_a_constraint_or_term_without_labelSelector_matches_no_pod() {
        String yaml = pod("  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}\n"
                + "  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone}]\n"
                + "    podAntiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n"
                + "      - {weight: 50, podAffinityTerm: {topologyKey: zone}}\n", "");

        assertThat(warnings(yaml)).containsExactly(
                "spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod",
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: "
                        + "a null labelSelector results in matching no pod",
                "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: "
                        + "a null labelSelector results in matching no pod");
    }

    @Test
    void should_warn_about_an_invalid_value_in_a_preferred_node_term_which_validation_allows() {
        String yaml = pod("  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n"
                + "      - weight: 1\n        preference: {matchExpressions: [{key: k, operator: In, values: [a, \"-x\"]}]}\n", "");

        assertThat(warnings(yaml)).containsExactly("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
                + ".preference.matchExpressions[0].values[1]: -x is invalid, " + LabelValidation.LABEL_VALUE_MESSAGE);
    }

    @Test
    void should_warn_about_deprecated_node_labels() {
        String yaml = pod("  nodeSelector: {beta.kubernetes.io/arch: amd64}\n", "");

        assertThat(warnings(yaml)).containsExactly(
                "spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use \"kubernetes.io/arch\" instead");
    }
}
