package dev.podcheck.conformance.invariant.node;

import static dev.podcheck.conformance.invariant.probe.Events.exited;
import static dev.podcheck.conformance.invariant.probe.Events.killing;
import static dev.podcheck.conformance.invariant.probe.Events.probe;
import static dev.podcheck.conformance.invariant.probe.Events.ready;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.conformance.invariant.restart.CountMonotone;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletRestarted;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import dev.podcheck.spec.trace.TraceEvent.SandboxCreated;
import dev.podcheck.spec.trace.TraceEvent.SandboxLost;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-built traces of kubelet restarts and sandbox losses (SEMANTICS KR-1..KR-5, SB-1..SB-5), each invariant both ways. */
class NodeInvariantsTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              restartPolicy: %s
              initContainers: [{name: init, image: busybox:1.36}]
              containers:
              - name: app
                image: busybox:1.36
                readinessProbe: {exec: {command: ["true"]}}
                startupProbe: {exec: {command: ["true"]}}
            """;
    static final String ALWAYS = POD.formatted("Always");
    static final String NEVER = POD.formatted("Never");
    static final KubeletRestarted RESTART = new KubeletRestarted(60_000);
    static final SandboxLost LOST = new SandboxLost(60_000);
    static final SandboxCreated CREATED = new SandboxCreated(60_000, 1);

    static PodConditionChanged sandboxReady(long at, boolean status) {
        return new PodConditionChanged(at, status ? PodCondition.isTrue(ConditionType.PodReadyToStartContainers)
                : PodCondition.isFalse(ConditionType.PodReadyToStartContainers, "", ""));
    }

    static ContainerStatusChanged crashLooping(long at, long finishedAt, int seconds) {
        return new ContainerStatusChanged(at, new ContainerStatus("app", new ContainerState.Waiting("CrashLoopBackOff",
                "back-off " + seconds + "s restarting failed container=app pod=p_default"),
                new ContainerState.Terminated(1, "Error", "", 0, finishedAt), 3, false, false));
    }

    @Nested
    class RestartKeepsContainersTest {
        @Test
        void should_hold_when_the_running_container_goes_on() {
            var t = trace(running(0, "app", true, true), RESTART);
            assertThat(new RestartKeepsContainers().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_restarted_kubelet_kills_it() {
            var kill = killing(60_000, "app", "Stopping container app");
            var t = trace(running(0, "app", true, true), RESTART, kill);
            assertThat(new RestartKeepsContainers().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "app was running at the kubelet restart at 60000 ms and was killed at 60000 ms (Stopping container"
                            + " app)", RESTART, kill));
        }

        @Test
        void should_hold_for_a_probe_kill_at_the_same_moment() {
            var t = trace(running(0, "app", true, true), RESTART,
                    killing(60_000, "app", "Container app failed startup probe, will be restarted"));
            assertThat(new RestartKeepsContainers().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class ProbesStartAgainTest {
        @Test
        void should_hold_when_the_status_turns_not_ready_until_the_first_success() {
            var t = trace(running(0, "app", true, true), RESTART, ready(60_000, "app", 0, false),
                    probe(60_000, "app", ProbeKind.readiness, true), ready(60_000, "app", 0, true));
            assertThat(new ProbesStartAgain().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_ready_stays_across_the_restart() {
            var success = probe(70_000, "app", ProbeKind.readiness, true);
            var t = trace(running(0, "app", true, true), RESTART, success);
            assertThat(new ProbesStartAgain().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "app was ready at the kubelet restart at 60000 ms and was never reported otherwise before its"
                            + " readiness probe succeeded again at 70000 ms", RESTART, success));
        }

        @Test
        void should_hold_from_1_35_when_a_container_running_long_before_keeps_its_status() {
            // KEP-4781 (KR-2a): started at 0, more than 10 s before the restart at 60 s
            var t = trace(running(0, "app", true, true), RESTART, probe(70_000, "app", ProbeKind.readiness, true));
            Observed on136 = Trials.of(ALWAYS, t);
            on136 = new Observed(on136.scenario(), on136.trace(), on136.observations(), on136.tolerance(),
                    on136.horizon(), Profile.of("1.36"));
            assertThat(new ProbesStartAgain().check(on136)).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class RestartForgetsBackOffTest {
        @Test
        void should_hold_when_the_container_starts_at_the_restart() {
            var t = trace(running(0, "app", true, true), crashLooping(40_000, 40_000, 80), RESTART,
                    new TraceEvent.KubeletEvent(60_000, "Created", "app", "Created container app"));
            assertThat(new RestartForgetsBackOff().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_it_waits_out_the_old_back_off() {
            var t = trace(running(0, "app", true, true), crashLooping(40_000, 40_000, 80), RESTART,
                    new TraceEvent.KubeletEvent(120_000, "Created", "app", "Created container app"));
            assertThat(new RestartForgetsBackOff().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "app was waiting in CrashLoopBackOff (back-off 80s restarting failed container=app pod=p_default)"
                            + " at the kubelet restart at 60000 ms and was not started again before that back-off ended"
                            + " at 120000 ms", RESTART));
        }

        @Test
        void should_owe_nothing_when_the_back_off_ends_at_the_restart_anyway() {
            var t = trace(running(0, "app", true, true), crashLooping(40_000, 40_000, 20), RESTART);
            assertThat(new RestartForgetsBackOff().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class SandboxRecreatedTest {
        @Test
        void should_hold_for_a_new_sandbox_at_the_next_relist_with_the_condition_false_before() {
            var t = trace(running(0, "app", true, true), LOST, exited(60_000, "app", 0, 137, false),
                    sandboxReady(60_000, false), CREATED, sandboxReady(60_000, true));
            assertThat(new SandboxRecreated().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_owe_the_sandbox_only_after_a_start_under_way_and_the_kill_it_ends_in() {
            // seed 102 trial 6575 of a 10,000-trial run: a 10 s start (23 s to 33 s) runs into the lost sandbox, its
            // postStart fails and the kill holds the pod worker until 47 s
            String slowStart = ALWAYS.replace("metadata: {name: p}", "metadata: {name: p, annotations: "
                    + "{podcheck.dev/scenario: 'containers: {app: [{}, {startAfter: 10s}]}'}}");
            var second = new ContainerStatusChanged(33_000, new ContainerStatus("app", new ContainerState.Running(33_000),
                    new ContainerState.Terminated(1, "Error", "", 0, 20_000), 1, false, false));
            var gone = new ContainerStatusChanged(47_000, new ContainerStatus("app",
                    new ContainerState.Terminated(137, "Error", "", 33_000, 47_000), null, 1, false, false));
            var t = trace(running(0, "app", true, true), exited(20_000, "app", 0, 1, false), new SandboxLost(30_000),
                    second, new KubeletEvent(33_000, "Killing", "app", "FailedPostStartHook"), gone,
                    sandboxReady(47_000, false), new SandboxCreated(48_000, 1), sandboxReady(48_000, true));
            assertThat(new SandboxRecreated().check(Trials.of(slowStart, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_no_sandbox_comes() {
            var t = trace(running(0, "app", true, true), LOST, exited(60_000, "app", 0, 137, false),
                    sandboxReady(60_000, false));
            assertThat(new SandboxRecreated().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "the sandbox lost at 60000 ms was not created again by 61000 ms", LOST));
        }

        @Test
        void should_be_violated_by_a_wrong_attempt() {
            var wrong = new SandboxCreated(60_000, 2);
            var t = trace(running(0, "app", true, true), LOST, sandboxReady(60_000, false), wrong);
            assertThat(new SandboxRecreated().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "the sandbox lost at 60000 ms was created again with attempt 2, not 1", LOST, wrong));
        }
    }

    @Nested
    class NoSandboxUnderNeverTest {
        @Test
        void should_hold_when_the_pod_ends_without_a_sandbox() {
            var t = trace(running(0, "app", true, true), LOST, exited(60_000, "app", 0, 137, false));
            assertThat(new NoSandboxUnderNever().check(Trials.of(NEVER, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_by_a_new_sandbox() {
            var t = trace(running(0, "app", true, true), LOST, CREATED);
            assertThat(new NoSandboxUnderNever().check(Trials.of(NEVER, t))).isEqualTo(Verdict.violated(
                    "the pod runs under restartPolicy Never, yet its sandbox lost at 60000 ms was created again at"
                            + " 60000 ms", LOST, CREATED));
        }

        @Test
        void should_let_a_pod_whose_containers_never_ran_have_a_new_sandbox() {
            // SB-3: no container statuses, so a new sandbox; app runs in it in the same instant (seed 104 trial 4346)
            var t = trace(LOST, CREATED, running(60_000, "app", true, true));
            assertThat(new NoSandboxUnderNever().check(Trials.of(NEVER, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class InitRerunsAfterSandboxLossTest {
        @Test
        void should_hold_when_init_runs_again_before_app() {
            var t = trace(exited(2_000, "init", 0, 0, true), running(2_000, "app", true, true), LOST, CREATED,
                    running(60_000, "init", false, true), exited(61_000, "init", 60_000, 0, true),
                    running(62_000, "app", true, true));
            assertThat(new InitRerunsAfterSandboxLoss().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_app_starts_without_init() {
            var app = running(60_000, "app", true, true);
            var t = trace(exited(2_000, "init", 0, 0, true), running(2_000, "app", true, true), LOST, CREATED, app);
            assertThat(new InitRerunsAfterSandboxLoss().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "app started at 60000 ms in the sandbox created again at 60000 ms before init container init had"
                            + " run to completion in it", CREATED, app));
        }
    }

    @Nested
    class WellFormedAcrossSandboxesTest {
        static final ContainerStatusChanged INIT_DONE_TWICE = new ContainerStatusChanged(5_000, new ContainerStatus("init",
                new ContainerState.Terminated(0, "Completed", "", 4_000, 5_000), null, 2, true, false));
        static final ContainerStatusChanged INIT_AGAIN_FROM_ZERO = new ContainerStatusChanged(61_000,
                new ContainerStatus("init", new ContainerState.Running(61_000), null, 0, false, true));

        @Test
        void should_let_an_init_container_count_from_zero_in_a_sandbox_created_again() {
            var t = trace(running(0, "app", true, true), INIT_DONE_TWICE, LOST, CREATED, INIT_AGAIN_FROM_ZERO);
            assertThat(dev.podcheck.conformance.invariant.trace.WellFormedTrace.problems(
                    Trials.scenario(ALWAYS).pod().spec(), t, Trials.HORIZON.toMillis())).isEmpty();
        }

        @Test
        void should_flag_a_count_going_down_without_one() {
            var t = trace(running(0, "app", true, true), INIT_DONE_TWICE, INIT_AGAIN_FROM_ZERO);
            assertThat(dev.podcheck.conformance.invariant.trace.WellFormedTrace.problems(
                    Trials.scenario(ALWAYS).pod().spec(), t, Trials.HORIZON.toMillis())).hasSize(1);
        }
    }

    @Nested
    class UntilNodeDisruptionTest {
        @Test
        void should_judge_an_earlier_invariant_up_to_the_first_disruption_only() {
            // GIVEN init's restartCount goes from 2 to 0 after a sandbox loss (SB-5), which restart/count-monotone forbids
            var t = trace(new ContainerStatusChanged(5_000, new ContainerStatus("init",
                            new ContainerState.Terminated(0, "Completed", "", 4_000, 5_000), null, 2, true, false)),
                    LOST, CREATED, new ContainerStatusChanged(61_000, new ContainerStatus("init",
                            new ContainerState.Running(61_000), null, 0, false, true)));
            assertThat(new CountMonotone().check(Trials.of(ALWAYS, t))).isInstanceOf(Verdict.Violated.class);
            assertThat(new UntilNodeDisruption(new CountMonotone()).check(Trials.of(ALWAYS, t)))
                    .isEqualTo(Verdict.HOLDS);
        }
    }
}
