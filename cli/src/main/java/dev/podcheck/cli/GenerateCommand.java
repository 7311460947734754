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
        description = "Writes N generated scenarios (Pod manifests with their scenario annotation) as YAML documents.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "10", description = "How many scenarios (default: ${DEFAULT-VALUE}).")
    int count;

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
        // Trial seeds drawn as Property draws them: document i is trial i+1 of `run` with this seed.
        SplittableRandom seeds = new SplittableRandom(seed.value());
        for (int i = 0; i < count; i++) {
            Scenario scenario = ScenarioGen.scenarios(bounds).generate(Choices.random(seeds.nextLong()));
            if (i > 0) {
                out.println("---");
            }
            out.print(ScenarioWriter.toYaml(scenario));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
