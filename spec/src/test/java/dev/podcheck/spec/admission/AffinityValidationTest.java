package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Admit.pod;
import static dev.podcheck.spec.admission.Admit.refusals;
import static dev.podcheck.spec.admission.TolerationValidationTest.QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** validateAffinity; each verdict is kube-apiserver v1.34.4's for a dry-run create of the same manifest. */
class AffinityValidationTest {
    private static final String NODE = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".nodeSelectorTerms[0]";
    private static final String ANTI = "spec.affinity.podAntiAffinity.";

    private static String nodeTerm(String term) {
        return pod("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                + "        nodeSelectorTerms:\n        - " + term + "\n", "");
    }

    @Nested
    class NodeAffinity {
        @Test
        void should_accept_Gt_with_one_value_that_is_no_integer_as_validation_does_not_parse_it() {
            assertThat(refusals(nodeTerm("matchExpressions: [{key: k, operator: Gt, values: [abc]}]"))).isEmpty();
        }

        @Test
        void should_require_values_for_In_and_forbid_them_for_Exists() {
            String yaml = nodeTerm("matchExpressions: [{key: k, operator: In}, {key: k, operator: Exists, values: [a]}, "
                    + "{key: k, operator: Lt, values: [\"1\", \"2\"]}]");

            assertThat(refusals(yaml)).containsExactly(
                    NODE + ".matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                    NODE + ".matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                    NODE + ".matchExpressions[2].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'");
        }

        @Test
        void should_refuse_an_unknown_operator_and_a_field_selector_of_two_values() {
            String yaml = nodeTerm("{matchExpressions: [{key: k, operator: Foo}], "
                    + "matchFields: [{key: metadata.name, operator: In, values: [a, b]}]}");

            assertThat(refusals(yaml)).containsExactly(
                    NODE + ".matchExpressions[0].operator: Invalid value: \"Foo\": not a valid selector operator",
                    NODE + ".matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' "
                            + "for node field selector");
        }

        @Test
        void should_require_a_term_and_weigh_preferences_from_1_to_100_without_checking_their_values() {
            String yaml = pod("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: "
                    + "{nodeSelectorTerms: []}\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 0\n"
                    + "        preference: {matchExpressions: [{key: k, operator: In, values: [\"-x\"]}]}\n", "");

            assertThat(refusals(yaml)).containsExactly(
                    "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: "
                            + "Required value: must have at least one node selector term",
                    "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: "
                            + "must be in the range 1-100");
        }
    }

    @Nested
    class PodAntiAffinity {
        @Test
        void should_check_the_selector_and_require_a_topologyKey() {
            String yaml = pod("  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                    + "      - labelSelector: {matchLabels: {\"-a\": b}, matchExpressions: [{key: a, operator: Bad}]}\n", "");

            assertThat(refusals(yaml)).containsExactly(
                    ANTI + "requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels: Invalid value: \"-a\": "
                            + "name part " + QUALIFIED,
                    ANTI + "requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: "
                            + "Invalid value: \"Bad\": not a valid selector operator",
                    ANTI + "requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty",
                    ANTI + "requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": "
                            + "name part must be non-empty",
                    ANTI + "requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part " + QUALIFIED);
        }

        @Test
        void should_weigh_preferred_terms_and_check_their_topologyKey() {
            String yaml = pod("  affinity:\n    podAntiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n"
                    + "      - weight: 101\n        podAffinityTerm: {topologyKey: a/b/c}\n", "");

            assertThat(refusals(yaml)).containsExactly(
                    ANTI + "preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100",
                    ANTI + "preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey: Invalid value: "
                            + "\"a/b/c\": a qualified name " + QUALIFIED
                            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        }

        @Test
        void should_accept_a_term_with_a_selector_and_a_topologyKey() {
            String yaml = pod("  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                    + "      - labelSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}\n"
                    + "        topologyKey: kubernetes.io/hostname\n", "");

            assertThat(refusals(yaml)).isEmpty();
        }
    }
}
