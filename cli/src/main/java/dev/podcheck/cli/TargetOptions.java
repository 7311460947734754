package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetProvider;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --target NAME}, shared by the verbs that run or prepare pods. The provider itself is chosen
 * before parsing ({@link Targets#chosenIn}) and handed in by {@link Podcheck}, so that the options picocli
 * fills are those of the provider the verb then uses.
 */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "NAME",
            description = "Where pods run: engine (default for run and replay), kubernetes, ... (see 'podcheck targets').")
    String name;

    private Targets targets;
    private TargetProvider chosen;
    private String chosenName;

    void use(Targets all, String name, TargetProvider provider) {
        this.targets = all;
        this.chosenName = name;
        this.chosen = provider;
    }

    /** The chosen provider, or a usage error naming the targets there are. */
    TargetProvider provider(CommandLine cli) {
        if (chosen == null) {
            throw new CommandLine.ParameterException(cli, "--target: no target is called \"" + chosenName
                    + "\"; this podcheck has: " + targets.names());
        }
        return chosen;
    }
}
