package dev.podcheck.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A trial's pod name names files and pods: whatever the scenario's name holds, it is a DNS label. */
class TrialNamesTest {
    private static Scenario named(String name) {
        return Scenario.of(Pod.of(ObjectMeta.named(name), PodSpec.empty()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "web|web-1",
            "web.example|web-example-1",
            "../../etc|etc-1",
            "\u001b[31m../evil\u0007|31m-evil-1",
            "---|pod-1",
            "a-very-long-name-that-goes-past-the-cut-of-twenty|a-very-long-name-tha-1"})
    void should_make_a_dns_label_of_any_pod_name(String name, String expected) {
        assertThat(TrialNames.podName(named(name), 20, "-1")).isEqualTo(expected).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    }

    @Test
    void should_call_a_pod_without_a_name_pod() {
        assertThat(TrialNames.podName(named(null), 20, "-7")).isEqualTo("pod-7");
    }
}
