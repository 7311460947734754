package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.RerunOptions;
import dev.podcheck.conformance.runner.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void should_repeat_every_option_that_changed_what_ran_in_the_replay_command() {
        // GIVEN a run with a longer horizon, a target option, smaller pods and one invariant group
        RunResult run = HandRun.result().withRerun(new RerunOptions(
                List.of("--horizon 2m", "--kubernetes-version 1.33"), List.of("--max-containers 1", "--invariant termination")));

        // WHEN its violation's replay command is printed
        String text = ConsoleReport.summaryText(run);

        // THEN the command draws the same trial with the same options
        assertThat(text).contains("  replay:  podcheck run --seed 42 --trials 18 --horizon 2m --kubernetes-version 1.33"
                + " --max-containers 1 --invariant termination\n");
    }

    @Test
    void should_repeat_only_the_options_replay_takes_for_a_corpus_scenario() {
        // GIVEN a run whose violation came from the corpus (trial below 0)
        RunResult run = HandRun.result().withRerun(new RerunOptions(List.of("--horizon 2m"), List.of("--max-containers 1")));
        Counterexample found = run.invariants().stream().filter(r -> r.counterexample() != null).findFirst().orElseThrow()
                .counterexample();
        Counterexample fromCorpus = new Counterexample(found.invariant(), "corpus/a.yaml", found.trialSeed(), -1,
                found.scenario(), found.trace(), found.verdict(), found.shrinkSteps(), found.reproduced());

        // WHEN the replay command of a corpus scenario is built
        String command = Replay.command(run, fromCorpus);

        // THEN it is replay with the horizon, without the generation options replay does not take
        assertThat(command).isEqualTo("podcheck replay --horizon 2m corpus/a.yaml");
    }

    @Test
    void should_keep_a_library_run_command_as_it_was() {
        assertThat(ConsoleReport.summaryText(HandRun.result())).contains("  replay:  podcheck run --seed 42 --trials 18\n");
    }
}
