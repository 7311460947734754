package dev.podcheck.adapters.observe;

import static dev.podcheck.adapters.observe.Sightings.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.adapters.report.ContainerReport.Kind;
import dev.podcheck.engine.Engine;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an API observer gets when the engine plays the kubelet. */
class KubeletProjectionTest {
    /** Readiness every 4 s; deleted at 10 s with 5 s of grace; preStop takes 2 s; SIGTERM ignored, so SIGKILL at 15 s. */
    static final Scenario STUBBORN = Defaulting.apply(ScenarioReader.readOne("stubborn.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {preStop: {takes: 2s}, onSigterm: ignore}
                  events:
                  - deletePod: {at: 10s, gracePeriodSeconds: 5}
            spec:
              containers:
              - name: app
                image: busybox:1.36
                lifecycle:
                  preStop:
                    exec: {command: ["true"]}
                readinessProbe:
                  exec: {command: ["true"]}
                  periodSeconds: 4
            """));

    final List<Sighting> sightings = KubeletProjection.of(Engine.simulate(STUBBORN), STUBBORN, CREATED);

    @Test
    void should_write_the_lines_a_container_writes_while_it_lives_and_none_for_its_SIGKILL() {
        assertThat(reports()).extracting(r -> r.epochMillis() - CREATED, ContainerReport::kind, ContainerReport::detail)
                .containsExactly(tuple(0L, Kind.START, ""), tuple(0L, Kind.PROBE, "readiness pass"),
                        tuple(4000L, Kind.PROBE, "readiness pass"), tuple(8000L, Kind.PROBE, "readiness pass"),
                        tuple(10_000L, Kind.HOOK_START, "preStop"), tuple(12_000L, Kind.PROBE, "readiness pass"),
                        tuple(12_000L, Kind.HOOK_END, "preStop ok"), tuple(12_000L, Kind.SIGTERM, ""));
    }

    @Test
    void should_show_the_status_as_the_api_does_to_the_second_without_the_signal() {
        ContainerStatus last = snapshots().get(snapshots().size() - 1).containerStatuses().get(0);

        assertThat(last.state()).isEqualTo(new ContainerState.Terminated(137, "Error", "",
                Sightings.second(0), Sightings.second(15_000)));
    }

    @Test
    void should_see_the_pod_after_every_status_write_with_what_it_has_accumulated() {
        // At 0: created (Pending), first sync (statuses, conditions), started, ready. At 15 s: the
        // kill's end, then TerminatePod's Failed.
        assertThat(sightings).filteredOn(Sighting.PodSeen.class::isInstance)
                .extracting(s -> s.epochMillis() - CREATED, s -> ((Sighting.PodSeen) s).pod().phase())
                .containsExactly(tuple(0L, PodPhase.Pending), tuple(0L, PodPhase.Pending), tuple(0L, PodPhase.Running),
                        tuple(0L, PodPhase.Running), tuple(15_000L, PodPhase.Running), tuple(15_000L, PodPhase.Failed));
        assertThat(snapshots().get(0).containerStatuses()).isEmpty();
        assertThat(snapshots().get(5).deletionTimestampMillis()).isEqualTo(Sightings.second(15_000));
    }

    @Test
    void should_send_the_delete_with_its_grace_and_see_the_pod_gone() {
        assertThat(sightings).filteredOn(s -> s instanceof Sighting.DeletionSent || s instanceof Sighting.PodGone)
                .containsExactly(new Sighting.DeletionSent(CREATED + 10_000, 5, false), new Sighting.PodGone(CREATED + 15_000));
    }

    private List<ContainerReport> reports() {
        return sightings.stream().filter(Sighting.ReportSeen.class::isInstance)
                .map(s -> ((Sighting.ReportSeen) s).report()).toList();
    }

    private List<Sighting.PodSnapshot> snapshots() {
        return sightings.stream().filter(Sighting.PodSeen.class::isInstance).map(s -> ((Sighting.PodSeen) s).pod()).toList();
    }
}
