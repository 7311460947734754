package dev.podcheck.adapters.observe;

import static dev.podcheck.adapters.observe.Sightings.CREATED;
import static dev.podcheck.adapters.observe.Sightings.isTrue;
import static dev.podcheck.adapters.observe.Sightings.pod;
import static dev.podcheck.adapters.observe.Sightings.running;
import static dev.podcheck.adapters.observe.Sightings.waiting;
import static dev.podcheck.adapters.observe.Sightings.withConditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.adapters.report.ContainerReport.Kind;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import dev.podcheck.spec.trace.TraceEvent.PodCreated;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Pod snapshots become the status events the engine records for the same writes. */
class StatusSightingsTest {

    @Nested
    class Order {
        @Test
        void should_begin_with_PodCreated_at_0_carrying_the_qos_class_of_the_first_snapshot() {
            Trace trace = new Sightings().event(0, "Scheduled", "", "Successfully assigned pod to node")
                    .pod(5, pod(PodPhase.Pending)).build();

            assertThat(trace.events()).containsExactly(
                    new PodCreated(0, "BestEffort"),
                    new KubeletEvent(0, "Scheduled", "", "Successfully assigned pod to node"),
                    new PodPhaseChanged(5, PodPhase.Pending, "", ""));
        }

        @Test
        void should_write_statuses_then_phase_then_conditions_in_condition_type_order() {
            Sighting.PodSnapshot snapshot = withConditions(
                    pod(PodPhase.Pending, waiting("b", "ContainerCreating"), waiting("a", "ContainerCreating")),
                    isTrue(ConditionType.PodScheduled), isTrue(ConditionType.Initialized));

            Trace trace = new Sightings().pod(0, snapshot).build();

            assertThat(trace.events()).containsExactly(
                    new PodCreated(0, "BestEffort"),
                    new ContainerStatusChanged(0, waiting("b", "ContainerCreating")),
                    new ContainerStatusChanged(0, waiting("a", "ContainerCreating")),
                    new PodPhaseChanged(0, PodPhase.Pending, "", ""),
                    new PodConditionChanged(0, isTrue(ConditionType.Initialized)),
                    new PodConditionChanged(0, isTrue(ConditionType.PodScheduled)));
        }

        @Test
        void should_sort_sightings_by_time_and_keep_the_order_given_within_a_millisecond() {
            // GIVEN two events of one millisecond in an unusual order, and the pod seen last
            Trace trace = new Sightings().event(2000, "Started", "app", "Started container app")
                    .event(2000, "Created", "app", "Created container app").pod(0, pod(PodPhase.Pending)).build();

            assertThat(trace.events()).containsExactly(
                    new PodCreated(0, "BestEffort"),
                    new PodPhaseChanged(0, PodPhase.Pending, "", ""),
                    new KubeletEvent(2000, "Started", "app", "Started container app"),
                    new KubeletEvent(2000, "Created", "app", "Created container app"));
        }

        @Test
        void should_count_sightings_from_before_the_creation_as_at_creation() {
            Trace trace = new Sightings().event(-300, "Scheduled", "", "").pod(0, pod(PodPhase.Pending)).build();

            assertThat(trace.events()).extracting(TraceEvent::at).containsOnly(0L);
        }
    }

    @Nested
    class Changes {
        @Test
        void should_record_only_what_changed_from_the_snapshot_before() {
            Trace trace = new Sightings()
                    .pod(0, pod(PodPhase.Pending, waiting("a", "ContainerCreating"), waiting("b", "ContainerCreating")))
                    .pod(3000, pod(PodPhase.Pending, waiting("a", "ContainerCreating"), waiting("b", "ErrImagePull")))
                    .build();

            assertThat(trace.events()).filteredOn(e -> e.at() == 3000)
                    .containsExactly(new ContainerStatusChanged(3000, waiting("b", "ErrImagePull")));
        }

        @Test
        void should_not_count_a_new_phase_message_without_a_new_phase_or_reason_as_a_change() {
            Sighting.PodSnapshot pending = pod(PodPhase.Pending);
            Trace trace = new Sightings().pod(0, pending)
                    .pod(1000, Sightings.withReason(pending, "", "still pending")).build();

            assertThat(trace.all(PodPhaseChanged.class)).hasSize(1);
        }

        @Test
        void should_record_a_condition_whose_reason_changed() {
            PodCondition notReady = PodCondition.isFalse(ConditionType.Ready, "ContainersNotReady", "[app]");
            PodCondition completed = PodCondition.isFalse(ConditionType.Ready, "PodCompleted", "");
            Trace trace = new Sightings().pod(0, withConditions(pod(PodPhase.Running), notReady))
                    .pod(1000, withConditions(pod(PodPhase.Running), completed)).build();

            assertThat(trace.all(PodConditionChanged.class).map(PodConditionChanged::condition))
                    .containsExactly(notReady, completed);
        }
    }

    @Nested
    class Times {
        @Test
        void should_take_startedAt_from_the_start_report_within_the_second_the_api_shows() {
            Trace trace = new Sightings().report(1234, "app", 0, Kind.START, "")
                    .pod(1500, pod(PodPhase.Running, running("app", 0, 1234))).build();

            assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                    .containsExactly(new ContainerState.Running(1234));
        }

        @Test
        void should_keep_the_api_second_when_no_report_fits_it() {
            // A start line from another second (a clock far off, or another instance) is no sharper time.
            Trace trace = new Sightings().report(4321, "app", 0, Kind.START, "")
                    .pod(5000, pod(PodPhase.Running, running("app", 0, 1234))).build();

            assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                    .containsExactly(new ContainerState.Running(Sightings.second(1234) - CREATED));
        }

        @Test
        void should_match_a_start_report_that_lags_the_api_second_by_less_than_a_second() {
            // The runtime started it at 1.990 s (API: second 1), the script wrote its line at 2.010 s.
            long apiSecond = Sightings.second(1590);
            Trace trace = new Sightings().report(apiSecond - CREATED + 1400, "app", 0, Kind.START, "")
                    .pod(3000, pod(PodPhase.Running, running("app", 0, 1590))).build();

            assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                    .containsExactly(new ContainerState.Running(apiSecond - CREATED + 1400));
        }
    }

    @Test
    void should_refuse_sightings_that_never_show_the_pod() {
        assertThatThrownBy(() -> new Sightings().event(0, "Scheduled", "", "").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no trace without the pod: none of the 1 sightings shows the pod object");
    }
}
