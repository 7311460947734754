package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Admit.pod;
import static dev.podcheck.spec.admission.Admit.refusals;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ValidateTolerations; each verdict is kube-apiserver v1.34.4's for a dry-run create of the same manifest. */
class TolerationValidationTest {
    static final String QUALIFIED = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
            + "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
            + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    @Test
    void should_accept_the_common_tolerations() {
        // GIVEN an Equal, an Exists, a match-all and a NoExecute toleration with seconds
        String yaml = pod("  tolerations:\n  - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}\n"
                + "  - {key: example.com/gpu, operator: Exists}\n  - {operator: Exists}\n"
                + "  - {key: k, value: v, effect: NoExecute, tolerationSeconds: 5}\n", "");
        // WHEN created THEN accepted
        assertThat(refusals(yaml)).isEmpty();
    }

    @Test
    void should_refuse_a_bad_key_operator_effect_and_seconds_without_NoExecute_in_upstreams_order() {
        String yaml = pod("  tolerations:\n  - {key: \"a b\", operator: Foo, value: x, effect: Bad, tolerationSeconds: 5}\n", "");

        assertThat(refusals(yaml)).containsExactly(
                "spec.tolerations[0].key: Invalid value: \"a b\": name part " + QUALIFIED,
                "spec.tolerations[0].effect: Invalid value: \"Bad\": effect must be 'NoExecute' when `tolerationSeconds` is set",
                "spec.tolerations[0].operator: Unsupported value: \"Foo\": supported values: \"Equal\", \"Exists\"",
                "spec.tolerations[0].effect: Unsupported value: \"Bad\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
    }

    @Test
    void should_refuse_an_empty_key_with_Equal_and_report_a_bad_value_at_the_operator() {
        String yaml = pod("  tolerations:\n  - {operator: Equal, value: \"-x\"}\n", "");

        assertThat(refusals(yaml)).containsExactly(
                "spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, "
                        + "which means \"match all values and all keys\"",
                "spec.tolerations[0].operator: Invalid value: \"-x\": " + LabelValidation.LABEL_VALUE_MESSAGE);
    }

    @Test
    void should_refuse_a_value_with_Exists() {
        String yaml = pod("  tolerations:\n  - {key: k, operator: Exists, value: v}\n", "");

        assertThat(refusals(yaml)).containsExactly(
                "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'");
    }
}
