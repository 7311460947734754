package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.adapters.TargetArgs;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodmanTargetProviderTest {
    private final PodmanTargetProvider provider = new PodmanTargetProvider();

    @TempDir
    Path dir;

    private void parse(String... args) {
        TargetArgs.apply(provider, args);
    }

    @Nested
    class Options {
        @Test
        void should_be_found_by_the_command_line_as_podman_beside_kubernetes() {
            assertThat(ServiceLoader.load(TargetProvider.class).stream().map(p -> p.get().name()))
                    .contains("podman", "kubernetes");
        }

        @Test
        void should_default_to_podman_on_path_the_local_image_and_a_minute_of_trial_timeout() {
            parse();
            PodmanOptions o = provider.options;

            assertThat(o.podman).isEqualTo("podman");
            assertThat(o.image).isNull();
            assertThat(o.trialTimeout).isEqualTo(Duration.ofSeconds(60));
            assertThat(o.state().root()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"),
                    "podcheck-podman-" + System.getProperty("user.name")).toAbsolutePath());
        }

        @Test
        void should_take_the_binary_image_state_folder_and_trial_timeout() {
            parse("--podman", "/opt/podman", "--image", "busybox:1.36", "--state-dir", dir.toString(),
                    "--trial-timeout", "2m");
            PodmanOptions o = provider.options;

            assertThat(o.podman).isEqualTo("/opt/podman");
            assertThat(o.image).isEqualTo("busybox:1.36");
            assertThat(o.state().root()).isEqualTo(dir);
            assertThat(o.trialTimeout).isEqualTo(Duration.ofMinutes(2));
        }

        @Test
        void should_run_a_minute_of_wall_time_eight_pods_at_once_and_shrink_little() {
            assertThat(provider.defaultHorizon()).isEqualTo(Duration.ofSeconds(60));
            assertThat(provider.defaultParallelism()).isEqualTo(8);
            assertThat(provider.shrinkAttempts()).isEqualTo(10);
        }

        @Test
        void should_ask_for_neither_node_pressure_nor_sidecars_nor_what_it_cannot_act() {
            Size size = provider.size(Size.DEFAULT);

            assertThat(size).isEqualTo(Size.DEFAULT.withNodePressure(false).withStartDelays(false)
                    .withContainers(Size.DEFAULT.maxContainers(), Size.DEFAULT.maxInitContainers(), 0)
                    .withApiPatches(false).withTerminationMessages(false).withImagePulls(false)
                    .withNodeDisruptions(false));
        }
    }

    @Nested
    class Opening {
        @Test
        void should_say_how_to_get_podman_when_it_is_missing() {
            parse("--podman", dir.resolve("none/podman").toString(), "--state-dir", dir.resolve("state").toString());

            assertThatThrownBy(provider::open).isInstanceOf(TargetException.class).hasMessage("cannot run "
                    + dir.resolve("none/podman") + ": No such file or directory; install podman, or name its binary"
                    + " with --podman PATH");
        }

        @Test
        void should_open_a_target_that_claims_only_what_podman_keeps_and_removes_its_run_at_close() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("version", "echo 4.3.1");
            parse("--podman", fake.install().toString(), "--image", "busybox:1.36", "--state-dir",
                    dir.resolve("state").toString());

            String runId;
            try (Target target = provider.open()) {
                runId = ((PodmanTarget) target).runId();
                assertThat(target.name()).isEqualTo("podman");
                assertThat(target.observations()).containsExactlyInAnyOrder(Observation.CONTAINER_STATUSES,
                        Observation.SIGNALS, Observation.DELETION, Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
                assertThat(target.tolerance()).isEqualTo(Duration.ofSeconds(2));
                assertThat(((PodmanTarget) target).image()).isEqualTo("busybox:1.36");
            }

            assertThat(runId).matches("[a-z0-9]{8}");
            assertThat(fake.calls()).containsExactly("version --format {{.Client.Version}}",
                    "pod ps --filter label=podcheck.dev/run=" + runId + " --format {{.Name}} {{index .Labels"
                            + " \"podcheck.dev/run\"}} {{index .Labels \"podcheck.dev/state\"}}",
                    "ps --all --filter label=podcheck.dev/run=" + runId + " --format {{.Names}} {{index .Labels"
                            + " \"podcheck.dev/run\"}} {{index .Labels \"podcheck.dev/state\"}}");
            assertThat(dir.resolve("state/containers.conf")).exists();
        }

        @Test
        void should_clean_the_pods_of_interrupted_runs_and_keep_a_running_runs() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake"))
                    .on("pod ps --filter label=podcheck.dev/run ", "echo web-gone-1 gone; echo web-live-1 live");
            parse("--podman", fake.install().toString(), "--state-dir", dir.resolve("state").toString());

            try (RunLock live = RunLock.hold(new StateDir(dir.resolve("state")), "live")) {
                assertThat(provider.clean()).containsExactly("pod web-gone-1");
            }
        }

        @Test
        void should_keep_the_pods_of_a_run_that_lives_in_another_state_folder() throws Exception {
            StateDir other = new StateDir(dir.resolve("other")).prepare();
            String otherId = sha256Prefix(other.root().toString());
            FakePodman fake = new FakePodman(dir.resolve("fake"))
                    .on("pod ps --filter label=podcheck.dev/run ", "echo web-gone-1 gone \"<no value>\"; echo web-elsewhere-1 elsewhere "
                            + otherId + "; echo web-lost-1 lost 0123456789abcdef");
            parse("--podman", fake.install().toString(), "--state-dir", dir.resolve("state").toString());

            try (RunLock elsewhere = RunLock.hold(other, "elsewhere")) {
                // web-lost-1's state folder is not known on this machine: whether its run lives cannot be told.
                assertThat(provider.clean()).containsExactly("pod web-gone-1");
            }
            assertThat(provider.clean()).containsExactly("pod web-gone-1", "pod web-elsewhere-1");
        }

        private static String sha256Prefix(String text) throws Exception {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        }
    }

    @Test
    void should_render_the_pod_podman_gets_labelled_for_clean() throws Exception {
        parse("--image", "busybox:1.36", "--state-dir", dir.toString());
        var scenario = Defaulting.apply(ScenarioReader.readOne("test", """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36}
                """));

        String yaml = provider.render(scenario);

        assertThat(yaml).startsWith("apiVersion: v1").contains("name: web", "podcheck.dev/run: render",
                "path: " + dir.resolve("trials/web"), "image: busybox:1.36").doesNotContain("podcheck.dev/rendered");
    }
}
