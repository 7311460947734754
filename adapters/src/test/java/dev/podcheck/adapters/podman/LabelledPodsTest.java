package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up against a {@link FakePodman} that keeps two labelled pods, of runs "run1" and
 * "run2", and a labelled container outside them; its {@code --filter label=K[=V]} filters as
 * podman does (unlabelled pods are never listed), and it prints each one's name and run.
 */
class LabelledPodsTest {
    private static final String FORMAT = " {{index .Labels \"podcheck.dev/run\"}} {{index .Labels \"podcheck.dev/state\"}}";

    @TempDir
    Path dir;

    private FakePodman fake() {
        return new FakePodman(dir.resolve("fake"))
                .on("pod ps --filter label=podcheck.dev/run=run1 ", "echo web-run1-1 run1")
                .on("pod ps --filter label=podcheck.dev/run ", "echo web-run1-1 run1; echo web-run2-1 run2")
                .on("ps --all --filter label=podcheck.dev/run ", "echo lost-container run3");
    }

    private Podman podman(FakePodman fake) throws Exception {
        StateDir state = new StateDir(dir.resolve("state")).prepare();
        return new Podman(fake.install().toString(), state.containersConf(), state.scratch());
    }

    @Test
    void should_remove_only_the_pods_of_the_run() throws Exception {
        FakePodman fake = fake();

        var removed = LabelledPods.remove(podman(fake), "run1", (id, state) -> true);

        assertThat(removed).containsExactly("pod web-run1-1");
        assertThat(fake.calls()).containsExactly(
                "pod ps --filter label=podcheck.dev/run=run1 --format {{.Name}}" + FORMAT,
                "pod rm --force --ignore -t 0 web-run1-1",
                "ps --all --filter label=podcheck.dev/run=run1 --format {{.Names}}" + FORMAT);
    }

    @Test
    void should_remove_every_removable_runs_pods_and_containers() throws Exception {
        FakePodman fake = fake();

        var removed = LabelledPods.remove(podman(fake), null, (id, state) -> true);

        assertThat(removed).containsExactly("pod web-run1-1", "pod web-run2-1", "container lost-container");
        assertThat(fake.calls()).containsExactly(
                "pod ps --filter label=podcheck.dev/run --format {{.Name}}" + FORMAT,
                "pod rm --force --ignore -t 0 web-run1-1 web-run2-1",
                "ps --all --filter label=podcheck.dev/run --format {{.Names}}" + FORMAT,
                "rm --force --ignore -t 0 lost-container");
    }

    @Test
    void should_keep_the_pods_of_a_run_that_is_not_removable() throws Exception {
        FakePodman fake = fake();

        var removed = LabelledPods.remove(podman(fake), null, (id, state) -> !id.equals("run2"));

        assertThat(removed).containsExactly("pod web-run1-1", "container lost-container");
        assertThat(fake.calls()).contains("pod rm --force --ignore -t 0 web-run1-1");
    }

    @Test
    void should_remove_nothing_when_nothing_is_labelled() throws Exception {
        FakePodman fake = new FakePodman(dir.resolve("fake"));

        assertThat(LabelledPods.remove(podman(fake), null, (id, state) -> true)).isEmpty();
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("pod rm") || c.startsWith("rm"));
    }
}
