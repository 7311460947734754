package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetProvider;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck targets}: what {@code --target} accepts in this launcher. */
@Command(name = "targets", mixinStandardHelpOptions = true, description = "Lists the targets this podcheck can run pods on.")
final class TargetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The targets this invocation offers, handed in by {@link Podcheck} (found once, not again here). */
    Targets targets;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "text: one line per target; json or yaml: a list of {name, description} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        if (output != OutputFormat.text) {
            spec.commandLine().getOut().print(output.value(targets.providers().stream()
                    .map(p -> Map.of("name", p.name(), "description", p.description())).toList()));
            return ExitCodes.OK;
        }
        for (TargetProvider p : targets.providers()) {
            spec.commandLine().getOut().printf("%-12s %s%n", p.name(), p.description());
        }
        return ExitCodes.OK;
    }
}
