package dev.podcheck.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    /** A test-only rule that any pod with a sidecar breaks: a known bug to find and shrink. */
    static final class NoSidecars implements Invariant {
        @Override
        public String id() {
            return "test/no-sidecars";
        }

        @Override
        public String must() {
            return "A pod MUST NOT have a sidecar.";
        }

        @Override
        public String source() {
            return "this test";
        }

        @Override
        public Set<Observation> needs() {
            return Set.of(Observation.CONTAINER_STATUSES);
        }

        @Override
        public Verdict check(Observed trial) {
            return trial.scenario().pod().spec().sidecars().isEmpty() ? Verdict.HOLDS
                    : Verdict.violated("the pod has a sidecar", trial.trace().all(TraceEvent.PodCreated.class).toList());
        }
    }

    static RunPlan plan(List<Invariant> invariants, int trials, Shard shard, Path corpus) {
        return RunPlan.builder(new EngineTarget()).invariants(invariants).trials(trials).seed(42L).shard(shard)
                .parallelism(2).corpus(corpus).horizon(Duration.ofMinutes(5)).build();
    }

    @Test
    void should_find_shrink_and_save_a_violation_then_replay_it_from_the_corpus(@TempDir Path corpus) {
        RunResult result = new Runner(plan(List.of(new NoSidecars()), 200, Shard.ALL, corpus)).run((d, t) -> { });

        InvariantResult r = result.invariants().get(0);
        assertThat(r.outcome()).isEqualTo(InvariantResult.Outcome.VIOLATED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(ScenarioWriter.toYaml(r.counterexample().scenario())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                spec:
                  initContainers:
                  - name: side
                    image: busybox:1.36
                    restartPolicy: Always
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
        assertThat(corpus.toFile().list()).hasSize(1);

        RunResult replay = new Runner(plan(List.of(new NoSidecars()), 0, Shard.ALL, corpus)).run((d, t) -> { });
        assertThat(replay.corpusScenarios()).isEqualTo(1);
        assertThat(replay.invariants().get(0).counterexample().origin()).endsWith(".yaml");
    }

    @Test
    void should_hold_the_whole_catalogue_on_the_engine_and_split_trials_across_shards_exactly() {
        RunResult one = new Runner(plan(Catalogue.all(), 60, new Shard(1, 2), null)).run((d, t) -> { });
        RunResult two = new Runner(plan(Catalogue.all(), 60, new Shard(2, 2), null)).run((d, t) -> { });

        assertThat(one.exitCode()).isZero();
        assertThat(two.exitCode()).isZero();
        assertThat(one.trialsRun() + two.trialsRun()).isEqualTo(60);
        assertThat(one.trialsRun()).isEqualTo(30);
    }

    @Test
    void should_report_a_violation_as_a_known_deviation_when_listed() {
        RunPlan known = RunPlan.builder(new EngineTarget()).invariants(List.of(new NoSidecars())).trials(100).seed(1L)
                .parallelism(1).knownDeviations(Map.of("test/no-sidecars", "sidecars are fine here"))
                .horizon(Duration.ofMinutes(1)).maxShrinkAttempts(100).build();

        RunResult result = new Runner(known).run((d, t) -> { });

        assertThat(result.invariants().get(0).outcome()).isEqualTo(InvariantResult.Outcome.KNOWN_DEVIATION);
        assertThat(result.exitCode()).isZero();
        // not shrunk: shown as its first trial happened (on a real target every shrink step costs a pod)
        assertThat(result.invariants().get(0).counterexample().shrinkSteps()).isZero();
        assertThat(result.invariants().get(0).counterexample().origin()).startsWith("seed 1 trial ");
    }

    @Test
    void should_stop_starting_trials_when_the_budget_is_spent() {
        RunPlan tight = RunPlan.builder(new EngineTarget()).trials(100_000).seed(1L).parallelism(2)
                .budget(Duration.ofMillis(300)).horizon(Duration.ofMinutes(1)).maxShrinkAttempts(100).build();

        RunResult result = new Runner(tight).run((d, t) -> { });

        assertThat(result.budgetReached()).isTrue();
        assertThat(result.trialsRun()).isLessThan(100_000);
    }

    @Test
    void should_read_the_corpus_files_in_name_order(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: a, image: x}]}\n");
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: x}]}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");

        assertThat(Corpus.read(dir)).extracting(e -> e.scenario().pod().metadata().name()).containsExactly("a", "b");
    }
}
