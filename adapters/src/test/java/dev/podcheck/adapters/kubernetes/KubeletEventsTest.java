package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.observe.Sighting.EventSeen;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import org.junit.jupiter.api.Test;

class KubeletEventsTest {
    private final KubeletEvents events = new KubeletEvents("web-1");

    private static Event event(String uid, String pod, String podUid, String fieldPath, String reason, Integer count) {
        return new EventBuilder().withNewMetadata().withUid(uid).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(pod).withUid(podUid).withFieldPath(fieldPath)
                .endInvolvedObject().withReason(reason).withMessage(reason + " message").withCount(count).build();
    }

    @Test
    void should_name_the_container_from_the_field_path() {
        assertThat(events.occurrences(event("e1", "web-1", null, "spec.initContainers{migrate}", "Started", 1), 5))
                .containsExactly(new EventSeen(5, "Started", "migrate", "Started message"));
        assertThat(events.occurrences(event("e2", "web-1", null, null, "Scheduled", null), 6))
                .containsExactly(new EventSeen(6, "Scheduled", "", "Scheduled message"));
    }

    @Test
    void should_count_each_rise_of_an_aggregated_event_once_and_a_relisted_one_never_again() {
        Event unhealthy = event("e1", "web-1", null, "spec.containers{app}", "Unhealthy", 1);
        assertThat(events.occurrences(unhealthy, 10)).hasSize(1);

        unhealthy.setCount(3);
        assertThat(events.occurrences(unhealthy, 20)).hasSize(2).allMatch(e -> e.epochMillis() == 20);
        assertThat(events.occurrences(unhealthy, 30)).as("the same count again, as a relist shows it").isEmpty();
    }

    @Test
    void should_ignore_events_of_other_pods_and_of_an_earlier_pod_with_the_same_name() {
        events.podUid("uid-now");

        assertThat(events.occurrences(event("e1", "web-2", null, null, "Started", 1), 1)).isEmpty();
        assertThat(events.occurrences(event("e2", "web-1", "uid-before", null, "Started", 1), 1)).isEmpty();
        assertThat(events.occurrences(event("e3", "web-1", "uid-now", null, "Started", 1), 1)).hasSize(1);
    }
}
