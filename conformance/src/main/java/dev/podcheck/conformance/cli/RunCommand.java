package dev.podcheck.conformance.cli;

import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Counterexample;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code podcheck run}: the main job. Until the invariant catalogue exists it checks the spec layer
 * and the reference engine's traces on generated scenarios, and says plainly what it does not check yet.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Generates scenarios and checks them against the embedded target.",
                "Today: the spec layer (validation, defaulting, YAML round trip, QoS class) and a",
                "well-formed reference trace for each; the invariant catalogue is not built yet."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check holds", "1:a check is violated", "2:usage error"})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--trials", defaultValue = "500", description = "How many scenarios (default: ${DEFAULT-VALUE}).")
    int trials;

    @Mixin
    SeedOptions seed;

    @Mixin
    SizeOptions size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (trials < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        PrintWriter out = spec.commandLine().getOut();
        long runSeed = seed.value();
        Property<Scenario> property = Property.forAll(ScenarioGen.scenarios(size.toSize(spec.commandLine())))
                .trials(trials).seed(runSeed).renderedWith(ScenarioWriter::toYaml);
        long started = System.nanoTime();
        Optional<Counterexample<Scenario>> found = property.findCounterexample(BuiltInChecks::verify);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (found.isPresent()) {
            out.println("podcheck run: VIOLATED (seed " + found.get().seed() + ")");
            out.println(property.describe(found.get()));
            return ExitCodes.VIOLATED;
        }
        out.printf("podcheck run: %d scenarios (seed %d) on the embedded target in %.2f s (%.0f scenarios/s)%n",
                trials, runSeed, seconds, trials / seconds);
        out.printf("  %d rules x %d scenarios hold: validation, defaulting, YAML round trip, QoS class,"
                + " well-formed reference trace (%s horizon)%n", BuiltInChecks.RULES, trials,
                dev.podcheck.spec.behaviour.Durations.format(BuiltInChecks.ENGINE.horizon()));
        out.println("  not yet checked: the invariant catalogue of pod semantics (issue 4)");
        return ExitCodes.OK;
    }
}
