package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackOffTest {
    static final String POD = CountMonotoneTest.POD;

    @Test
    void should_hold_for_an_immediate_first_restart_then_10_s_then_20_s() {
        // GIVEN exits at 1 s, 2 s, 13 s: restarts at once, after 10 s, after 20 s
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1),
                exited(2000, "app", 1, 1000, 1), running(12000, "app", 2), exited(13000, "app", 1, 12000, 2),
                running(33000, "app", 3));

        assertThat(new BackOff().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_second_restart_ignores_the_10_s_back_off() {
        TraceEvent exit = exited(2000, "app", 1, 1000, 1);
        TraceEvent again = running(5000, "app", 2);
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1), exit, again);

        assertThat(new BackOff().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app was started again 3000 ms after the exit at 2000 ms, within the kubelet back-off of 10000 ms",
                exit, again));
    }

    @Test
    void should_be_violated_when_a_lone_container_waits_longer_than_its_back_off() {
        TraceEvent exit = exited(1000, "app", 1, 0, 0);
        TraceEvent late = running(9000, "app", 1);
        var trace = trace(running(0, "app", 0), exit, late);

        assertThat(new BackOff().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app was started again 8000 ms after the exit at 1000 ms, later than the back-off of 0 ms allows",
                exit, late));
    }

    @Test
    void should_be_unknown_when_a_lone_container_restarts_late_and_its_behaviour_is_unknown() {
        // GIVEN an audited pod: what its runtime takes to start the container is not known
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(9000, "app", 1));
        Observed audited = audited(trace);

        // WHEN checked THEN a late start may be the runtime's: unknown, never guessed
        assertThat(new BackOff().check(audited)).isEqualTo(Verdict.unknown("app was started again 8000 ms after the exit"
                + " at 1000 ms: late, unless its runtime took that long to start it, which only its behaviour tells"));
    }

    @Test
    void should_still_find_a_restart_within_the_back_off_when_the_behaviour_is_unknown() {
        TraceEvent exit = exited(2000, "app", 1, 1000, 1);
        TraceEvent again = running(5000, "app", 2);
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1), exit, again);

        assertThat(new BackOff().check(audited(trace))).isEqualTo(Verdict.violated(
                "app was started again 3000 ms after the exit at 2000 ms, within the kubelet back-off of 10000 ms",
                exit, again));
    }

    private static Observed audited(dev.podcheck.spec.trace.Trace trace) {
        Observed engine = Trials.of(POD, trace);
        Set<Observation> watched = EnumSet.copyOf(engine.observations());
        watched.remove(Observation.BEHAVIOURS);
        return new Observed(engine.scenario(), trace, watched, engine.tolerance(), engine.horizon());
    }

    /** pod_workers.go retries a SyncPod that met a back-off 10 to 15 s later; kubelet 1.34 restarted 12.8 s after. */
    @Test
    void should_allow_the_pod_workers_retry_after_a_back_off_and_no_more() {
        TraceEvent exit = exited(2000, "app", 1, 1000, 1);
        TraceEvent atTheRetry = running(2000 + 10_000 + 15_000, "app", 2);
        TraceEvent pastIt = running(2000 + 10_000 + 15_000 + 1001, "app", 2); // + the relist's 1 s
        var inTime = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1), exit, atTheRetry);
        var late = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1), exit, pastIt);

        assertThat(new BackOff().check(Trials.of(POD, inTime))).isEqualTo(Verdict.HOLDS);
        assertThat(new BackOff().check(Trials.of(POD, late))).isEqualTo(Verdict.violated(
                "app was started again 26001 ms after the exit at 2000 ms, later than the back-off of 10000 ms allows",
                exit, pastIt));
    }

    @Test
    void should_measure_a_liveness_kill_restart_from_the_run_before_the_killed_one() {
        // GIVEN the restart after a liveness kill is decided on the status taken before the kill:
        // the newest exited run is the one that ended at 2 s, and Next set 10 s when run 1 started
        TraceEvent earlier = exited(2000, "app", 1, 1000, 1);
        TraceEvent restart = running(12000, "app", 2);
        TraceEvent tooSoon = running(16000, "app", 3);
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1), earlier,
                restart, killing(15000, "app", "Container app failed liveness probe, will be restarted"),
                sigterm(15000, "app"), exited(16000, "app", 143, 12000, 2), tooSoon);

        // WHEN checked THEN 14 s after the exit at 2 s is within the 20 s the second Next set
        assertThat(new BackOff().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app was started again 14000 ms after the exit at 2000 ms, within the kubelet back-off of 20000 ms",
                earlier, tooSoon));
    }

    /** As kubelet v1.34 showed: a startup probe's Killing event arrived 27 ms after the finishedAt of its kill. */
    @Test
    void should_take_a_probe_kill_whose_event_arrives_after_the_exit_within_the_targets_tolerance() {
        // GIVEN run 0 failed at 1 s and was restarted at once (Next: 10 s), run 1 killed by its startup probe at 31 s
        // and restarted 400 ms later
        TraceEvent again = running(31400, "app", 2);
        String probed = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox,"
                + " startupProbe: {exec: {command: [\"true\"]}}}]}}";
        TraceEvent[] before = {running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1),
                sigterm(31000, "app"),
                exited(31000, "app", 143, 1000, 1)};
        TraceEvent killing = killing(31027, "app", "Container app failed startup probe, will be restarted");
        TraceEvent late = killing(33001, "app", "Container app failed startup probe, will be restarted");
        java.util.function.Function<TraceEvent[], dev.podcheck.spec.trace.Trace> then = rest -> trace(
                java.util.stream.Stream.concat(java.util.Arrays.stream(before), java.util.Arrays.stream(rest))
                        .toArray(TraceEvent[]::new));
        Duration tolerance = Duration.ofSeconds(2);

        // WHEN its Killing event shows 27 ms after the exit THEN the restart is measured from run 0's exit, 30 s ago
        assertThat(new BackOff().check(new Observed(Trials.scenario(probed), then.apply(new TraceEvent[] {killing, again}),
                EnumSet.allOf(Observation.class), tolerance, Trials.HORIZON))).isEqualTo(Verdict.HOLDS);
        // AND WHEN it shows beyond the tolerance, the exit counts as the container's own, within its 10 s back-off
        assertThat(new BackOff().check(new Observed(Trials.scenario(probed), then.apply(new TraceEvent[] {again, late}),
                EnumSet.allOf(Observation.class), tolerance, Trials.HORIZON))).isInstanceOf(Verdict.Violated.class);
    }

    @Test
    void should_check_a_target_without_Events_where_no_probe_can_kill_and_be_unknown_where_one_can() {
        // GIVEN a target that sees container statuses but no Events (podman), restarting at once every time
        TraceEvent exit = exited(2000, "app", 1, 1000, 1);
        TraceEvent again = running(2100, "app", 2);
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1000, "app", 1), exit, again);
        Set<Observation> noEvents = EnumSet.of(Observation.CONTAINER_STATUSES);
        String probed = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox,"
                + " livenessProbe: {exec: {command: [\"true\"]}}}]}}";

        assertThat(new BackOff().check(new Observed(Trials.scenario(POD), trace, noEvents, Duration.ZERO, Trials.HORIZON)))
                .isEqualTo(Verdict.violated(
                        "app was started again 100 ms after the exit at 2000 ms, within the kubelet back-off of 10000 ms",
                        exit, again));
        assertThat(new BackOff().check(new Observed(Trials.scenario(probed), trace, noEvents, Duration.ZERO, Trials.HORIZON)))
                .isInstanceOf(Verdict.Unknown.class);
    }
}
