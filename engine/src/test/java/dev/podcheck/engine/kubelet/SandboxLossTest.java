package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A lost sandbox as a world event (SEMANTICS SB-1..SB-5). */
class SandboxLossTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    init: [{exit: {after: 2s, code: 1}}, {exit: {after: 2s, code: 0}}]
                    second: {exit: {after: 2s, code: 0}}
                  events:
                  - loseSandbox: {at: 60s}
            spec:
              restartPolicy: %s
              initContainers:
              - {name: init, image: busybox:1.36}
              - {name: second, image: busybox:1.36}
              containers:
              - {name: app, image: busybox:1.36}
            """;

    static Simulations run(String restartPolicy, Set<Fault> faults) {
        return Simulations.run(POD.formatted(restartPolicy),
                EngineOptions.DEFAULT.withFaults(faults).withHorizon(Duration.ofMinutes(3)));
    }

    @Nested
    class NewSandbox {
        @Test
        void should_kill_every_container_with_the_sandbox_and_create_a_new_one_at_the_next_relist() {
            Simulations sim = run("Always", Set.of());
            // THEN app ends 137 at 60 s (SB-1); at the 60 s relist: SandboxChanged, attempt 1 (SB-2, SB-3)
            assertThat(((ContainerState.Terminated) sim.statusAt("app", 60_000).state()).exitCode()).isEqualTo(137);
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.reason().equals("SandboxChanged")))
                    .containsExactly(new KubeletEvent(60_000, "SandboxChanged", "",
                            "Pod sandbox changed, it will be killed and re-created."));
            assertThat(sim.trace().all(TraceEvent.SandboxCreated.class))
                    .containsExactly(new TraceEvent.SandboxCreated(60_000, 1));
            assertThat(sim.trace().all(TraceEvent.PodConditionChanged.class)
                    .filter(c -> c.condition().type() == ConditionType.PodReadyToStartContainers)
                    .map(c -> c.at() + ":" + c.condition().status()))
                    .as(sim.log()).containsExactly("0:true", "60000:false", "60000:true");
        }

        @Test
        void should_run_the_init_containers_again_from_the_first_then_restart_app() {
            Simulations sim = run("Always", Set.of());
            // THEN init (its third run) at 60 s, second after it, app after both (SB-4)
            assertThat(sim.starts("init")).as(sim.log()).containsExactly(0L, 2_000L, 60_000L);
            assertThat(sim.starts("second").get(1)).isGreaterThan(60_000L);
            assertThat(sim.starts("app").get(1)).isGreaterThan(sim.starts("second").get(1));
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Running);
        }

        @Test
        void should_count_on_for_the_first_init_container_and_app_but_from_zero_for_a_later_init_container() {
            Simulations sim = run("Always", Set.of());
            // THEN init 1 -> 2 (started in the purging SyncPod), second 0 (its logs purged), app 0 -> 1 (SB-5)
            assertThat(sim.statusAt("init", 60_000).restartCount()).isEqualTo(2);
            assertThat(sim.lastStatus("second").restartCount()).isZero();
            assertThat(sim.lastStatus("app").restartCount()).isEqualTo(1);
        }
    }

    @Test
    void should_end_the_pod_without_a_new_sandbox_under_restartPolicy_Never() {
        String never = POD.formatted("Never").replace("[{exit: {after: 2s, code: 1}}, {exit: {after: 2s, code: 0}}]",
                "{exit: {after: 2s, code: 0}}");
        Simulations sim = Simulations.run(never, EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(3)));
        // THEN KillPod only (SB-3): no SandboxChanged, no new run, the pod Failed with app's 137
        assertThat(sim.trace().all(TraceEvent.SandboxCreated.class)).isEmpty();
        assertThat(sim.starts("app")).hasSize(1);
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Failed);
    }

    @Nested
    class Faults {
        @Test
        void should_never_create_a_sandbox_again_under_SANDBOX_NOT_RECREATED() {
            Simulations sim = run("Always", Set.of(Fault.SANDBOX_NOT_RECREATED));
            assertThat(sim.trace().all(TraceEvent.SandboxCreated.class)).isEmpty();
            assertThat(sim.starts("app")).hasSize(1);
        }

        @Test
        void should_restart_app_without_the_init_containers_under_INIT_NOT_RERUN_AFTER_SANDBOX_LOSS() {
            Simulations sim = run("Always", Set.of(Fault.INIT_NOT_RERUN_AFTER_SANDBOX_LOSS));
            assertThat(sim.starts("init")).hasSize(2);
            assertThat(sim.starts("app")).hasSize(2);
        }
    }
}
