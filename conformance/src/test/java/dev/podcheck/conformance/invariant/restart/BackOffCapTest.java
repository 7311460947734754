package dev.podcheck.conformance.invariant.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackOffCapTest {
    static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: app, image: busybox}\n";

    static TraceEvent waiting(long at, String message) {
        return new ContainerStatusChanged(at, new ContainerStatus("app", new ContainerState.Waiting("CrashLoopBackOff", message),
                new ContainerState.Terminated(1, "Error", "", 0, at), 5, false, false));
    }

    @Test
    void should_hold_at_the_cap() {
        Trace trace = new Trace(List.of(waiting(1000, "back-off 5m0s restarting failed container=app pod=p_default"),
                waiting(2000, "back-off 300s restarting failed container=app pod=p_default")));

        assertThat(new BackOffCap().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_by_a_reported_delay_above_300_seconds() {
        TraceEvent uncapped = waiting(317_000, "back-off 320s restarting failed container=app pod=p_default");

        assertThat(new BackOffCap().check(Trials.of(POD, new Trace(List.of(uncapped)))))
                .isEqualTo(Verdict.violated("app reports a back-off of 320 s at 317000 ms, above the cap of 300 s", uncapped));
    }

    @Test
    void should_read_go_durations_and_ignore_other_messages() {
        assertThat(BackOffCap.reported(new ContainerState.Waiting("CrashLoopBackOff", "back-off 5m20s restarting failed container=a")))
                .contains(320L);
        assertThat(BackOffCap.reported(new ContainerState.Waiting("ContainerCreating", "back-off 999s restarting failed container=a")))
                .isEqualTo(Optional.empty());
    }
}
