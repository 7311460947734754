package dev.podcheck.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rendering says where it cannot keep the semantics, and says nothing where it can. */
class RenderNotesTest {
    static final String PROBE = "readinessProbe: {exec: {command: [cat, /tmp/ready]}}";

    @Test
    void should_have_nothing_to_say_about_a_scenario_it_acts_faithfully() {
        RenderedPod pod = TestPods.app("[{times: 2, exit: {after: 1s, code: 1}, onSigterm: ignore},"
                        + " {readiness: [{from: 2s}], memory: [{from: 0s, bytes: 64Mi}]}]",
                PROBE, "resources: {limits: {memory: 128Mi, cpu: 500m}}",
                "lifecycle: {preStop: {sleep: {seconds: 5}}}");

        assertThat(pod.notes()).isEmpty();
    }

    @Test
    void should_name_the_effects_that_matter_of_a_startAfter_slept_by_the_script() {
        RenderedPod pod = TestPods.app("[{times: 1}, {startAfter: 3s}]", PROBE);

        assertThat(pod.notes()).containsExactly("container app: startAfter (up to 3s) is slept by its script once the"
                + " runtime has started it, so the API shows it started up to 3s early (its start report has the"
                + " behaviour's time); its probes run and fail meanwhile, where the engine does not probe yet;"
                + " a SIGTERM meanwhile ends it at once with 143");
    }

    @Nested
    class ContainersStartedAfterIt {
        static final String TWO = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: two
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        first: {startAfter: 2s}
                        second: {startAfter: 1s}
                spec:
                  containers:
                  - {name: first, image: busybox:1.36%s}
                  - {name: second, image: busybox:1.36}
                """;

        static RenderedPod render(String firstFields) {
            return PodRenderer.render(dev.podcheck.spec.admission.Defaulting.apply(
                    dev.podcheck.spec.yaml.ScenarioReader.readOne("two", TWO.formatted(firstFields))),
                    RenderOptions.kubernetes(null));
        }

        @Test
        void should_say_they_do_not_wait_for_it() {
            assertThat(render("").notes()).containsExactly(
                    "container first: startAfter (up to 2s) is slept by its script once the runtime has started it,"
                            + " so the API shows it started up to 2s early (its start report has the behaviour's"
                            + " time); the containers the kubelet starts after it do not wait for it; a SIGTERM"
                            + " meanwhile ends it at once with 143",
                    "container second: startAfter (up to 1s) is slept by its script once the runtime has started"
                            + " it, so the API shows it started up to 1s early (its start report has the behaviour's"
                            + " time); a SIGTERM meanwhile ends it at once with 143");
        }

        @Test
        void should_not_when_its_postStart_hook_holds_the_kubelet_until_the_behaviour_starts() {
            assertThat(render(", lifecycle: {postStart: {exec: {command: [x]}}}").notes().get(0))
                    .doesNotContain("do not wait for it");
        }
    }

    @Test
    void should_say_a_gRPC_probe_becomes_an_exec_probe() {
        RenderedPod pod = TestPods.app("{}", "livenessProbe: {grpc: {port: 9090}}");

        assertThat(pod.notes()).containsExactly("container app: its liveness probe is gRPC, which busybox cannot"
                + " serve: rendered as an exec probe with the same timing");
    }

    @Test
    void should_say_when_an_OOM_kill_depends_on_the_node() {
        RenderedPod pod = TestPods.app("{memory: [{from: 1s, bytes: 256Mi}]}",
                "resources: {limits: {memory: 128Mi}}");

        assertThat(pod.notes()).singleElement().asString()
                .startsWith("container app: memory above its limit (128Mi) is held by a dd process")
                .contains("memory.oom.group");
    }

    @Test
    void should_say_when_the_script_itself_may_not_fit_in_the_limit() {
        RenderedPod pod = TestPods.app("{memory: [{from: 1s, bytes: 60Mi}]}", "resources: {limits: {memory: 64Mi}}");

        assertThat(pod.notes()).containsExactly("container app: its memory limit (64Mi) leaves less than 8Mi beside"
                + " its behaviour's memory for the script's own processes, which may be OOM-killed where the engine"
                + " predicts no kill");
    }

    @Test
    void should_say_when_a_cpu_limit_throttles_the_script() {
        RenderedPod pod = TestPods.app("{}", "resources: {limits: {cpu: 50m}}");

        assertThat(pod.notes()).containsExactly("container app: its cpu limit (50m) throttles its script, so its"
                + " reports and health changes may come late");
    }
}
