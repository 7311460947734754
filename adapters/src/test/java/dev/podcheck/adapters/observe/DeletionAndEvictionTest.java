package dev.podcheck.adapters.observe;

import static dev.podcheck.adapters.observe.Sightings.pod;
import static dev.podcheck.adapters.observe.Sightings.withReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pod's end: deletion, removal, eviction. */
class DeletionAndEvictionTest {
    static final String LOW_ON_MEMORY = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ";

    @Nested
    class Deletion {
        @Test
        void should_set_the_deletion_timestamp_the_grace_after_the_delete() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).delete(10_000, 30, false).build();

            assertThat(trace.all(DeletionRequested.class)).containsExactly(new DeletionRequested(10_000, 30, false, 40_000));
        }

        @Test
        void should_record_what_the_apiserver_makes_of_later_deletes_and_nothing_for_one_that_does_not_shorten() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).delete(10_000, 30, false)
                    .delete(12_000, 60, false).delete(15_000, 10, false).build();

            assertThat(trace.all(DeletionRequested.class)).containsExactly(new DeletionRequested(10_000, 30, false, 40_000),
                    new DeletionRequested(15_000, 10, false, 20_000));
        }

        @Test
        void should_delete_a_pod_seen_terminal_at_once_whatever_grace_is_sent() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Succeeded)).delete(10_000, 30, false).build();

            assertThat(trace.all(DeletionRequested.class)).containsExactly(new DeletionRequested(10_000, 0, false, 10_000));
        }

        @Test
        void should_remove_the_pod_once_and_ignore_a_delete_after_it() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).delete(10_000, 0, true).gone(10_000)
                    .gone(10_500).delete(11_000, 0, true).build();

            assertThat(trace.events()).filteredOn(e -> e.at() >= 10_000).containsExactly(
                    new DeletionRequested(10_000, 0, true, 10_000), new PodRemoved(10_000));
        }
    }

    @Nested
    class Eviction {
        @Test
        void should_evict_at_the_Evicted_event_naming_the_resource_of_its_message() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).event(20_000, "Evicted", "", LOW_ON_MEMORY)
                    .pod(22_000, withReason(pod(PodPhase.Failed), "Evicted", LOW_ON_MEMORY)).build();

            assertThat(trace.events()).filteredOn(e -> e.at() >= 20_000).containsExactly(
                    new PodEvicted(20_000, "memory", LOW_ON_MEMORY),
                    new KubeletEvent(20_000, "Evicted", "", LOW_ON_MEMORY),
                    new PodPhaseChanged(22_000, PodPhase.Failed, "Evicted", LOW_ON_MEMORY));
        }

        @Test
        void should_evict_at_the_first_snapshot_saying_Evicted_when_there_are_no_events() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running))
                    .pod(22_000, withReason(pod(PodPhase.Failed), "Evicted", LOW_ON_MEMORY))
                    .pod(23_000, withReason(pod(PodPhase.Failed), "Evicted", LOW_ON_MEMORY + "later")).build();

            assertThat(trace.events()).filteredOn(e -> e.at() >= 22_000).containsExactly(
                    new PodEvicted(22_000, "memory", LOW_ON_MEMORY),
                    new PodPhaseChanged(22_000, PodPhase.Failed, "Evicted", LOW_ON_MEMORY));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Pod ephemeral local storage usage exceeds the total limit of containers 100Mi. ",
            "Container app exceeded its local ephemeral storage limit \"100Mi\". ",
            "Usage of EmptyDir volume \"cache\" exceeds the limit \"40Mi\". "})
        void should_name_ephemeral_storage_for_a_local_storage_limit_message(String message) {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).event(20_000, "Evicted", "", message).build();

            assertThat(trace.all(PodEvicted.class)).containsExactly(new PodEvicted(20_000, "ephemeral-storage", message));
        }

        @Test
        void should_name_no_resource_when_the_message_names_none() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).event(20_000, "Evicted", "", "evicted").build();

            assertThat(trace.all(PodEvicted.class)).containsExactly(new PodEvicted(20_000, "", "evicted"));
        }

        @Test
        void should_not_take_a_container_event_named_Evicted_for_the_pod_eviction() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).event(20_000, "Evicted", "app", "x").build();

            assertThat(trace.events()).filteredOn(TraceEvent.PodEvicted.class::isInstance).isEmpty();
        }
    }
}
