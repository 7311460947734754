package dev.podcheck.cli;

import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck generate}: write generated scenarios as a YAML stream. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes generated scenarios (Pod manifests with their scenario annotation) as YAML documents or JSON objects.",
                "Document i is trial i+1 of 'podcheck run' with the same seed and size options. A seed drawn at",
                "random is printed on standard error, so the same scenarios can be generated again."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "10", description = "How many scenarios (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "yaml|json|text",
            description = "yaml (or text, the same): YAML documents separated by ---; json: one JSON object per"
                    + " scenario (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Mixin
    SeedOptions seed;

    @Mixin
    SizeOptions size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 0, got " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        Size bounds = size.toSize(spec.commandLine());
        if (seed.drawn()) {
            spec.commandLine().getErr().println("podcheck: seed " + seed.value() + " (drawn at random; --seed "
                    + seed.value() + " generates these scenarios again)");
        }
        // Trial seeds drawn as Property draws them: document i is trial i+1 of `run` with this seed.
        SplittableRandom seeds = new SplittableRandom(seed.value());
        for (int i = 0; i < count; i++) {
            Scenario scenario = ScenarioGen.scenarios(bounds).generate(Choices.random(seeds.nextLong()));
            out.print(output.manifest(ScenarioWriter.toYaml(scenario), i > 0));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
