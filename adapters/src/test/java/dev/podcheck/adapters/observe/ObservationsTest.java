package dev.podcheck.adapters.observe;

import static dev.podcheck.conformance.api.Observation.BEHAVIOURS;
import static dev.podcheck.conformance.api.Observation.CONDITIONS;
import static dev.podcheck.conformance.api.Observation.CONTAINER_STATUSES;
import static dev.podcheck.conformance.api.Observation.DELETION;
import static dev.podcheck.conformance.api.Observation.EVICTION;
import static dev.podcheck.conformance.api.Observation.HOOKS;
import static dev.podcheck.conformance.api.Observation.KUBELET_EVENTS;
import static dev.podcheck.conformance.api.Observation.PHASE;
import static dev.podcheck.conformance.api.Observation.PROBE_RESULTS;
import static dev.podcheck.conformance.api.Observation.QOS_CLASS;
import static dev.podcheck.conformance.api.Observation.SIGNALS;
import static dev.podcheck.conformance.api.Observation.WORLD_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.observe.Observations.Source;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    @Test
    void should_claim_neither_probe_runs_nor_hooks_on_a_cluster_unless_the_rendering_reports_them_all() {
        assertThat(Observations.KUBERNETES).containsExactlyInAnyOrder(PHASE, CONDITIONS, CONTAINER_STATUSES, SIGNALS,
                KUBELET_EVENTS, DELETION, EVICTION, QOS_CLASS, BEHAVIOURS, WORLD_EVENTS);
        assertThat(Observations.of(EnumSet.of(Source.POD_STATUS, Source.EVENTS, Source.REPORTS, Source.PROBE_REPORTS,
                Source.HOOK_REPORTS))).contains(PROBE_RESULTS, HOOKS);
    }

    @Test
    void should_claim_signals_only_with_both_the_reports_and_the_status_that_shows_a_kill() {
        assertThat(Observations.of(EnumSet.of(Source.REPORTS))).containsExactly(DELETION);
        assertThat(Observations.of(EnumSet.of(Source.POD_STATUS))).doesNotContain(SIGNALS);
    }

    @Test
    void should_claim_behaviours_and_world_events_only_for_a_pod_podcheck_acted_out() {
        assertThat(Observations.of(EnumSet.of(Source.POD_STATUS, Source.EVENTS))).doesNotContain(BEHAVIOURS, WORLD_EVENTS);
        assertThat(Observations.of(EnumSet.of(Source.ACTED))).contains(BEHAVIOURS, WORLD_EVENTS);
    }

    @Test
    void should_claim_evictions_from_the_events_alone() {
        assertThat(Observations.of(EnumSet.of(Source.EVENTS))).containsExactlyInAnyOrder(KUBELET_EVENTS, EVICTION, DELETION);
    }
}
