package dev.podcheck.cli;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.Shard;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code podcheck run}: the main job: generated scenarios on a target, every invariant checked, violations shrunk. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs generated scenarios on a target and checks every invariant of the catalogue on each trace.",
                "The target is the embedded reference engine unless --target names another; each violation is",
                "shrunk to a minimal pod, and its replay command repeats every option that changed what ran."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invariant holds", "1:an invariant is violated, or the target differs from the reference",
                "2:usage or input error", "3:inconclusive (target errors or checker failures, nothing violated)",
                "5:the target cannot be used"})
final class RunCommand implements Callable<Integer>, TargetVerb {

    @Option(names = "--trials", defaultValue = "1000", description = "How many scenarios (default: ${DEFAULT-VALUE}).")
    int trials;

    @Mixin
    SeedOptions seed;

    @Mixin
    SizeOptions size;

    @Option(names = "--invariant", paramLabel = "ID|GROUP", split = ",",
            description = "Check only these invariants, by id (init/order) or group (init); repeatable.")
    List<String> selection;

    @Option(names = "--known", paramLabel = "FILE", description = "Known deviations: violations of these invariant ids, and differences on these facts (differs/...), do not fail the run.")
    Path known;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start no new trial after this much wall time (e.g. 2m).")
    Duration budget;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials at once (default: the number of cores on the engine, the target's own default elsewhere).")
    Integer parallel;

    @Option(names = "--shrink-attempts", paramLabel = "N", description = "Reruns a shrink may try per violated invariant"
            + " (default: the target's own; each costs a pod and up to a horizon on a real target; 0 shows each"
            + " counterexample as it happened).")
    Integer shrinkAttempts;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1", description = "Run only shard I of N (default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Replay this folder's scenarios first; save new counterexamples in it.")
    Path corpus;

    @Option(names = "--corpus-create", description = "Make the --corpus folder if it does not exist (else a missing one is an error).")
    boolean corpusCreate;

    @Option(names = "--min-trials", paramLabel = "N",
            description = "When --budget stops the run, it is inconclusive unless at least N trials ran (default: all asked for).")
    Integer minTrials;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (trials < 0) {
            throw new CommandLine.ParameterException(cli, "--trials must be at least 0, got " + trials);
        }
        if (minTrials != null && minTrials < 0) {
            throw new CommandLine.ParameterException(cli, "--min-trials must be at least 0, got " + minTrials);
        }
        if (corpus != null && !Files.isDirectory(corpus)) {
            if (!corpusCreate || Files.exists(corpus)) {
                cli.getErr().println("podcheck: --corpus " + corpus + (Files.exists(corpus) ? ": not a folder"
                        : ": no such folder (--corpus-create makes it)"));
                return ExitCodes.USAGE;
            }
            try {
                Files.createDirectories(corpus);
            } catch (IOException e) {
                cli.getErr().println("podcheck: --corpus " + corpus + ": cannot make the folder: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        TargetProvider provider = run.target.provider(cli);
        Function<Target, RunPlan> plan;
        try {
            plan = plan(cli, provider);
        } catch (InputException e) {
            cli.getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return RunAndReport.run(provider, plan, run.shown(cli, provider), cli);
    }

    @Override
    public TargetOptions target() {
        return run.target;
    }

    /** Everything checked before the target is opened (a real target makes a namespace when opened). */
    private Function<Target, RunPlan> plan(CommandLine cli, TargetProvider provider) {
        Shard parsedShard;
        try {
            parsedShard = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--shard: " + e.getMessage());
        }
        List<Invariant> invariants = select(cli);
        // A known-deviation file may also excuse differences from the reference on a target that is not it.
        Set<String> ids = Catalogue.all().stream().map(Invariant::id).collect(Collectors.toSet());
        KnownDeviations deviations = known == null ? KnownDeviations.NONE : KnownDeviations.read(known, ids);
        int threads = parallel != null ? parallel : provider.defaultParallelism();
        if (threads < 1) {
            throw new CommandLine.ParameterException(cli, "--parallel must be at least 1, got " + threads);
        }
        int attempts = shrinkAttempts != null ? shrinkAttempts : provider.shrinkAttempts();
        if (attempts < 0) {
            throw new CommandLine.ParameterException(cli, "--shrink-attempts must not be negative, got " + attempts);
        }
        Size sized = provider.size(size.toSize(cli));
        return target -> RunPlan.builder(target).invariants(invariants).trials(trials).seed(seed.value())
                .shard(parsedShard).parallelism(threads).budget(budget).knownDeviations(deviations.invariants())
                .knownDifferences(deviations.differences()).corpus(corpus).horizon(run.horizon(provider)).size(sized)
                .maxShrinkAttempts(attempts).minTrials(minTrials).trialDeadline(run.trialDeadline).build();
    }

    private List<Invariant> select(CommandLine cli) {
        List<Invariant> all = Catalogue.all();
        if (selection == null || selection.isEmpty()) {
            return all;
        }
        for (String wanted : selection) {
            if (all.stream().noneMatch(inv -> inv.id().equals(wanted) || inv.group().equals(wanted))) {
                throw new CommandLine.ParameterException(cli, "--invariant: no invariant or group is called \"" + wanted
                        + "\"; groups: " + all.stream().map(Invariant::group).distinct().collect(Collectors.joining(", ")));
            }
        }
        return all.stream().filter(inv -> selection.contains(inv.id()) || selection.contains(inv.group())).toList();
    }
}
