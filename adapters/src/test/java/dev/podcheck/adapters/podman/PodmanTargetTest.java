package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodmanTargetTest {
    @TempDir
    Path dir;

    private FakePodman fake;
    private StateDir state;

    private PodmanTarget target() throws Exception {
        fake = new FakePodman(dir.resolve("fake"))
                .on("pod ps --filter label=podcheck.dev/run=run1 ", "echo web-run1-1 run1");
        state = new StateDir(dir.resolve("state")).prepare();
        Podman podman = new Podman(fake.install().toString(), state.containersConf(), state.scratch());
        return new PodmanTarget(PodmanRun.of(podman, state, "busybox:1.36", "run1", Duration.ofSeconds(60)),
                RunLock.hold(state, "run1"));
    }

    private static Scenario named(String name) {
        return Defaulting.apply(ScenarioReader.readOne("test", """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36}
                """.formatted(name)));
    }

    @Test
    void should_name_each_pod_after_its_scenario_the_run_and_the_trial() throws Exception {
        try (PodmanTarget target = target()) {
            assertThat(target.podName(named("web"))).isEqualTo("web-run1-1");
            assertThat(target.podName(named("a-rather-long-name-for-a-pod-of-tests-x"))).isEqualTo(
                    "a-rather-long-name-for-a-pod-o-run1-2");
            assertThat(target.podName(named("name-cut-at-a-dash-right-there-x"))).isEqualTo(
                    "name-cut-at-a-dash-right-there-run1-3");
        }
    }

    @Test
    void should_remove_the_runs_pods_once_at_close_or_on_ctrl_c() throws Exception {
        PodmanTarget target = target();

        boolean heldWhileOpen = RunLock.held(state, "run1");

        target.shutdownHook().run();
        target.close();

        assertThat(heldWhileOpen).isTrue();
        assertThat(RunLock.held(state, "run1")).as("released at close").isFalse();
        assertThat(fake.calls()).containsExactly(
                "pod ps --filter label=podcheck.dev/run=run1 --format {{.Name}} {{index .Labels \"podcheck.dev/run\"}}"
                        + " {{index .Labels \"podcheck.dev/state\"}}",
                "pod rm --force --ignore -t 0 web-run1-1",
                "ps --all --filter label=podcheck.dev/run=run1 --format {{.Names}} {{index .Labels \"podcheck.dev/run\"}}"
                        + " {{index .Labels \"podcheck.dev/state\"}}");
        assertThatThrownBy(() -> target.run(named("web"), Duration.ofSeconds(1))).isInstanceOf(TargetException.class)
                .hasMessage("the podman target is closed");
    }
}
