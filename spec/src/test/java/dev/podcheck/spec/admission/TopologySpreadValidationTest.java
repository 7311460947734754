package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Admit.pod;
import static dev.podcheck.spec.admission.Admit.refusals;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** validateTopologySpreadConstraints; each verdict is kube-apiserver v1.34.4's for a dry-run create. */
class TopologySpreadValidationTest {
    private static final String AT = "spec.topologySpreadConstraints";

    @Test
    void should_accept_a_constraint_with_minDomains_and_DoNotSchedule() {
        String yaml = pod("  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, "
                + "minDomains: 2, labelSelector: {matchLabels: {app: web}}}\n", "");

        assertThat(refusals(yaml)).isEmpty();
    }

    @Test
    void should_refuse_zero_skew_no_key_an_unknown_action_and_minDomains_without_DoNotSchedule() {
        String yaml = pod("  topologySpreadConstraints:\n  - {maxSkew: 0, topologyKey: \"\", whenUnsatisfiable: Foo, minDomains: 0}\n", "");

        assertThat(refusals(yaml)).containsExactly(
                AT + "[0].maxSkew: Invalid value: 0: must be greater than zero",
                AT + "[0].topologyKey: Required value: can not be empty",
                AT + "[0].whenUnsatisfiable: Unsupported value: \"Foo\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\"",
                AT + "[0].minDomains: Invalid value: 0: must be greater than zero",
                AT + "[0].minDomains: Invalid value: 0: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not Foo");
    }

    @Test
    void should_report_a_repeated_key_and_action_at_the_first_of_them() {
        String yaml = pod("  topologySpreadConstraints:\n"
                + "  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 2}\n"
                + "  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, nodeAffinityPolicy: Bad}\n", "");

        assertThat(refusals(yaml)).containsExactly(
                AT + "[0].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, ScheduleAnyway}\"",
                AT + "[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
                AT + "[1].nodeAffinityPolicy: Unsupported value: \"Bad\": supported values: \"Honor\", \"Ignore\"");
    }
}
