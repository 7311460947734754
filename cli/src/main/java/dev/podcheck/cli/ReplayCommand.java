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
import picocli.CommandLine.Spec;

/** {@code podcheck replay FILE}: reruns saved scenarios (a counterexample, a corpus file) against every invariant. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs the scenarios of FILE (one or many documents, a corpus folder, or - for standard input) on the target and checks every invariant.",
                "Standard input is kept as stdin.yaml in the report folder, so the reports' replay command reads it again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invariant holds", "1:an invariant is violated", "2:usage or input error", "3:inconclusive"})
final class ReplayCommand implements Callable<Integer>, TargetVerb {

    @Mixin
    InputFiles input;

    /** The file or folder replayed: the one named, or standard input saved in the report folder. */
    private Path file;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String named = input.one(spec.commandLine());
        int admitted;
        try {
            admitted = named.equals("-") ? admitStdin(InputFiles.open(named, spec.commandLine()))
                    : admitEvery(spec.commandLine().getErr(), InputFiles.open(named, spec.commandLine()).file());
        } catch (InputException e) {
            spec.commandLine().getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
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
                .trialDeadline(run.trialDeadline).build(), run.shown(spec.commandLine(), provider), spec.commandLine());
    }

    /** Standard input, admitted, then kept with the reports: the corpus the runner reads is a file. */
    private int admitStdin(Input stdin) {
        PrintWriter err = spec.commandLine().getErr();
        int exit = Admission.eachAdmitted(stdin, FieldValidation.Mode.strict, err, (defaulted, first) -> ExitCodes.OK);
        if (exit != ExitCodes.OK) {
            return exit;
        }
        file = run.reportDir.resolve("stdin.yaml");
        try {
            Files.createDirectories(run.reportDir);
            Files.writeString(file, stdin.text());
        } catch (IOException e) {
            err.println("podcheck: cannot keep standard input in " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    /** Nothing runs before every scenario is read, defaulted and validated: a refused pod is exit 1, with why. */
    private int admitEvery(PrintWriter err, Path named) {
        file = named;
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
            exit = Math.max(exit, Admission.eachAdmitted(Input.of(each), FieldValidation.Mode.strict, err, (defaulted, first) -> ExitCodes.OK));
        }
        return exit;
    }

    @Override
    public TargetOptions target() {
        return run.target;
    }
}
