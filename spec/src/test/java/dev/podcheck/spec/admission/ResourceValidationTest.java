package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Container resources, as ValidateResourceRequirements checks them. */
class ResourceValidationTest {

    private static Pod withResources(Map<String, String> requests, Map<String, String> limits) {
        return Fixtures.withApp(c -> c.withResources(ResourceRequirements.of(parse(requests), parse(limits))));
    }

    private static Pod withInitResources(Map<String, String> requests, Map<String, String> limits) {
        return Fixtures.withInit(c -> c.withResources(ResourceRequirements.of(parse(requests), parse(limits))));
    }

    private static Map<String, Quantity> parse(Map<String, String> raw) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, Quantity.parse(v)));
        return out;
    }

    @ParameterizedTest(name = "{0}: request {1} <= limit {2}")
    @CsvSource({"cpu, 500m, 1", "cpu, 1, 1", "memory, 64Mi, 128Mi", "ephemeral-storage, 1Gi, 1Gi", "cpu, 0, 1"})
    void should_accept_a_request_at_most_its_limit(String resource, String request, String limit) {
        assertThat(messagesOf(withResources(Map.of(resource, request), Map.of(resource, limit)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: request {1} > limit {2}")
    @CsvSource({"cpu, 2, 1, 2, 1", "cpu, 1500m, 1, 1500m, 1", "memory, 256Mi, 128Mi, 256Mi, 128Mi",
            "memory, 1G, 512Mi, 1G, 512Mi"})
    void should_refuse_a_request_above_its_limit_at_the_requests_field(String resource, String request, String limit,
                                                                     String printedRequest, String printedLimit) {
        assertThat(messagesOf(withResources(Map.of(resource, request), Map.of(resource, limit)))).containsExactly(
                "spec.containers[0].resources.requests: Invalid value: \"" + printedRequest
                        + "\": must be less than or equal to " + resource + " limit of " + printedLimit);
    }

    @Test
    void should_check_init_containers_too() {
        assertThat(messagesOf(withInitResources(Map.of("memory", "2Gi"), Map.of("memory", "1Gi")))).containsExactly(
                "spec.initContainers[0].resources.requests: Invalid value: \"2Gi\": "
                        + "must be less than or equal to memory limit of 1Gi");
    }

    @Test
    void should_refuse_negative_quantities_at_their_key() {
        // Go walks resource maps in random order, so only the set is pinned. Defaulting copied the
        // negative memory limit into requests, so it is reported twice.
        assertThat(messagesOf(withResources(Map.of("cpu", "-1"), Map.of("memory", "-128Mi")))).containsExactlyInAnyOrder(
                "spec.containers[0].resources.limits[memory]: Invalid value: \"-128Mi\": "
                        + "must be greater than or equal to 0",
                "spec.containers[0].resources.requests[memory]: Invalid value: \"-128Mi\": "
                        + "must be greater than or equal to 0",
                "spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": "
                        + "must be greater than or equal to 0");
    }

    @Test
    void should_require_requests_equal_to_limits_for_hugepages() {
        assertThat(messagesOf(withResources(Map.of("hugepages-2Mi", "2Mi"), Map.of("hugepages-2Mi", "4Mi"))))
                .containsExactly("spec.containers[0].resources.requests: Invalid value: \"2Mi\": "
                        + "must be equal to hugepages-2Mi limit of 4Mi");
    }

    @Test
    void should_require_a_limit_for_an_extended_resource() {
        assertThat(messagesOf(withResources(Map.of("example.com/gpu", "1"), Map.of()))).containsExactly(
                "spec.containers[0].resources.limits: Required value: "
                        + "Limit must be set for non overcommitable resources");
    }

    @Test
    void should_accept_an_extended_resource_from_its_limit_alone_thanks_to_defaulting() {
        assertThat(messagesOf(withResources(Map.of(), Map.of("example.com/gpu", "1")))).isEmpty();
    }

    @Test
    void should_treat_kubernetes_io_prefixed_names_as_native() {
        assertThat(messagesOf(withResources(Map.of("kubernetes.io/custom", "1"), Map.of()))).isEmpty();
    }
}
