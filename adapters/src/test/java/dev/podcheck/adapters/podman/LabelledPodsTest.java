package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up against a {@link FakePodman} that keeps three pods: one of run "run1", one of run
 * "run2", one of nobody's; its {@code pod ps --filter label=K[=V]} filters as podman does.
 */
class LabelledPodsTest {
    @TempDir
    Path dir;

    private FakePodman fake() {
        return new FakePodman(dir.resolve("fake"))
                .on("pod ps --filter label=podcheck.dev/run=run1 ", "echo web-run1-1")
                .on("pod ps --filter label=podcheck.dev/run ", "echo web-run1-1; echo web-run2-1")
                .on("ps --all --filter label=podcheck.dev/run ", "echo lost-container");
    }

    private Podman podman(FakePodman fake) throws Exception {
        StateDir state = new StateDir(dir.resolve("state")).prepare();
        return new Podman(fake.install().toString(), state.containersConf(), state.scratch());
    }

    @Test
    void should_remove_only_the_pods_of_the_run() throws Exception {
        FakePodman fake = fake();

        var removed = LabelledPods.remove(podman(fake), "run1");

        assertThat(removed).containsExactly("pod web-run1-1");
        assertThat(fake.calls()).containsExactly(
                "pod ps --filter label=podcheck.dev/run=run1 --format {{.Name}}",
                "pod rm --force --ignore -t 0 web-run1-1",
                "ps --all --filter label=podcheck.dev/run=run1 --format {{.Names}}");
    }

    @Test
    void should_remove_every_runs_pods_and_containers_and_nothing_unlabelled() throws Exception {
        FakePodman fake = fake();

        var removed = LabelledPods.remove(podman(fake), null);

        assertThat(removed).containsExactly("pod web-run1-1", "pod web-run2-1", "container lost-container");
        assertThat(fake.calls()).containsExactly(
                "pod ps --filter label=podcheck.dev/run --format {{.Name}}",
                "pod rm --force --ignore -t 0 web-run1-1 web-run2-1",
                "ps --all --filter label=podcheck.dev/run --format {{.Names}}",
                "rm --force --ignore -t 0 lost-container");
    }

    @Test
    void should_remove_nothing_when_nothing_is_labelled() throws Exception {
        FakePodman fake = new FakePodman(dir.resolve("fake"));

        assertThat(LabelledPods.remove(podman(fake), null)).isEmpty();
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("pod rm") || c.startsWith("rm"));
    }
}
