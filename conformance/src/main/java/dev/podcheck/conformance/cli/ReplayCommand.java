package dev.podcheck.conformance.cli;

import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.runner.Corpus;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.Shard;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.yaml.InputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck replay FILE}: reruns saved scenarios (a counterexample, a corpus file) against every invariant. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Runs the scenarios of FILE (one or many documents, or a corpus folder) on the target and checks every invariant.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invariant holds", "1:an invariant is violated", "2:usage or input error", "3:inconclusive"})
final class ReplayCommand implements Callable<Integer>, TargetVerb {

    @Parameters(paramLabel = "FILE", description = "A scenario file or a corpus folder.")
    Path file;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            if (Corpus.read(file).isEmpty()) {
                spec.commandLine().getErr().println("podcheck: " + file + ": no scenario to replay");
                return ExitCodes.USAGE;
            }
        } catch (InputException e) {
            spec.commandLine().getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        TargetProvider provider = run.target.provider(spec.commandLine());
        return RunAndReport.run(provider, target -> new RunPlan(target, Catalogue.all(), 0, 0, Shard.ALL, 1, null, Map.of(),
                file, run.horizon(provider), Size.DEFAULT, provider.shrinkAttempts()), run.reportDir, spec.commandLine());
    }

    @Override
    public TargetOptions target() {
        return run.target;
    }
}
