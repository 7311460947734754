package dev.podcheck.conformance.invariant.termination;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox}]}}";

    private static ContainerStatusChanged ended(long at, int code, String reason, String signal) {
        return new ContainerStatusChanged(at, new ContainerStatus("app",
                new ContainerState.Terminated(code, reason, signal, 0, at), null, 0, false, false));
    }

    @Test
    void should_hold_for_137_after_SIGKILL_and_any_code_the_app_chose_after_SIGTERM() {
        var trace = trace(running(0, "app", 0), ended(5000, 137, "Error", "SIGKILL"));
        var handled = trace(running(0, "app", 0), ended(5000, 0, "Completed", "SIGTERM"));

        assertThat(new ExitCodes().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
        assertThat(new ExitCodes().check(Trials.of(POD, handled))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_by_SIGKILL_without_137_and_Completed_without_0() {
        ContainerStatusChanged killed = ended(5000, 1, "Error", "SIGKILL");
        ContainerStatusChanged completed = ended(5000, 2, "Completed", "");

        assertThat(new ExitCodes().check(Trials.of(POD, trace(running(0, "app", 0), killed)))).isEqualTo(
                Verdict.violated("app shows Terminated with exit code 1, reason Error by SIGKILL at 5000 ms, where "
                        + "SIGKILL or a lost status gives exit code 137", killed));
        assertThat(new ExitCodes().check(Trials.of(POD, trace(running(0, "app", 0), completed)))).isEqualTo(
                Verdict.violated("app shows Terminated with exit code 2, reason Completed at 5000 ms, where reason "
                        + "Completed means exit code 0", completed));
    }

    @Test
    void should_leave_an_OOM_kill_to_termination_oom_killed() {
        ContainerStatusChanged oom = ended(5000, 143, "OOMKilled", "");
        var trace = trace(running(0, "app", 0), oom);

        assertThat(new ExitCodes().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
        assertThat(new OomKilled().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app shows Terminated with exit code 143, reason OOMKilled at 5000 ms, where an OOM kill of the whole "
                        + "container gives exit code 137", oom));
        assertThat(new OomKilled().check(Trials.of(POD, trace(running(0, "app", 0), ended(5000, 137, "OOMKilled", "")))))
                .isEqualTo(Verdict.HOLDS);
    }
}
