package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.UpdatePod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Updates as the apiserver answers them (SEMANTICS SU-1): ValidatePod on the new pod, then ValidatePodUpdate. */
class PodUpdateTest {
    static final Duration AT = Duration.ofSeconds(30);

    static Pod withDeadline(Long seconds) {
        Pod pod = Defaulting.apply(Fixtures.valid());
        return pod.withSpec(pod.spec().withActiveDeadlineSeconds(seconds));
    }

    static String app() {
        return Fixtures.valid().spec().containers().get(0).name();
    }

    @Test
    void should_accept_a_new_image_and_a_lower_deadline() {
        UpdatePod update = new UpdatePod(AT, Map.of(app(), new UpdatePod.ContainerUpdate("nginx:1.27")), 60L);
        PodUpdate answer = PodUpdate.of(withDeadline(300L), update);
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.updated().spec().containers().get(0).image()).isEqualTo("nginx:1.27");
        assertThat(answer.updated().spec().activeDeadlineSeconds()).isEqualTo(60L);
        assertThat(answer.message()).isEmpty();
    }

    @Test
    void should_accept_a_deadline_set_for_the_first_time() {
        assertThat(PodUpdate.of(withDeadline(null), UpdatePod.activeDeadlineSeconds(AT, 5)).accepted()).isTrue();
    }

    @Test
    void should_refuse_a_longer_deadline() {
        PodUpdate answer = PodUpdate.of(withDeadline(300L), UpdatePod.activeDeadlineSeconds(AT, 600));
        assertThat(answer.message()).isEqualTo("Pod \"" + Fixtures.valid().metadata().name() + "\" is invalid: "
                + "spec.activeDeadlineSeconds: Invalid value: 600: must be less than or equal to previous value");
        assertThat(answer.updated()).isEqualTo(withDeadline(300L));
    }

    @Test
    void should_refuse_a_deadline_of_0_as_ValidatePod_does() {
        assertThat(PodUpdate.of(withDeadline(300L), UpdatePod.activeDeadlineSeconds(AT, 0)).message())
                .endsWith("is invalid: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647,"
                        + " inclusive");
    }

    @Test
    void should_report_both_checks_of_a_negative_deadline_in_brackets() {
        assertThat(PodUpdate.of(withDeadline(300L), UpdatePod.activeDeadlineSeconds(AT, -1)).message())
                .endsWith("is invalid: [spec.activeDeadlineSeconds: Invalid value: -1: must be between 1 and 2147483647,"
                        + " inclusive, spec.activeDeadlineSeconds: Invalid value: -1: must be between 0 and 2147483647,"
                        + " inclusive]");
    }

    @Test
    void should_refuse_adding_a_container() {
        assertThat(PodUpdate.of(withDeadline(null), UpdatePod.image(AT, "extra", "nginx:1.27")).message())
                .endsWith("is invalid: spec.containers: Forbidden: pod updates may not add or remove containers");
    }

    @Test
    void should_refuse_an_image_with_whitespace() {
        assertThat(PodUpdate.of(withDeadline(null), UpdatePod.image(AT, app(), " nginx")).message())
                .endsWith("is invalid: spec.containers[0].image: Invalid value: \" nginx\": must not have leading or"
                        + " trailing whitespace");
    }
}
