package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podcheck targets}: what {@code --target} accepts in this launcher. */
@Command(name = "targets", mixinStandardHelpOptions = true, description = "Lists the targets this podcheck can run pods on.")
final class TargetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The targets this invocation offers, handed in by {@link Podcheck} (found once, not again here). */
    Targets targets;

    @Override
    public Integer call() {
        for (TargetProvider p : targets.providers()) {
            spec.commandLine().getOut().printf("%-12s %s%n", p.name(), p.description());
        }
        return ExitCodes.OK;
    }
}
