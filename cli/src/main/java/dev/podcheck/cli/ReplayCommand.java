package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.conformance.runner.Corpus;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
        int admitted = admitEvery(spec.commandLine().getErr());
        if (admitted != ExitCodes.OK) {
            return admitted;
        }
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
        // No generated trial: the corpus folder is the one file, replayed and shrunk.
        return RunAndReport.run(provider, target -> RunPlan.builder(target).trials(0).seed(0).parallelism(1).corpus(file)
                .horizon(run.horizon(provider)).maxShrinkAttempts(provider.shrinkAttempts())
                .trialDeadline(run.trialDeadline).build(), run.reportDir, spec.commandLine());
    }

    /** Nothing runs before every scenario is read, defaulted and validated: a refused pod is exit 1, with why. */
    private int admitEvery(PrintWriter err) {
        if (!Files.exists(file)) {
            return ExitCodes.OK; // nothing to admit: said below, as nothing to replay
        }
        List<Path> files;
        try (Stream<Path> listed = Files.isDirectory(file) ? Files.list(file) : Stream.of(file)) {
            files = listed.filter(f -> f.equals(file) || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            err.println("podcheck: " + Printable.of(file.toString()) + ": cannot read the folder: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int exit = ExitCodes.OK;
        for (Path each : files) {
            exit = Math.max(exit, Admission.eachAdmitted(each, FieldValidation.Mode.strict, err, (defaulted, first) -> ExitCodes.OK));
        }
        return exit;
    }

    @Override
    public TargetOptions target() {
        return run.target;
    }
}
