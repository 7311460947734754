package dev.podcheck.cli;

import dev.podcheck.spec.generate.Size;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How large generated pods may get. */
final class SizeOptions {
    @Option(names = "--max-containers", defaultValue = "3", description = "Most regular containers per pod (default: ${DEFAULT-VALUE}).")
    int maxContainers;

    @Option(names = "--max-init-containers", defaultValue = "2", description = "Most regular init containers (default: ${DEFAULT-VALUE}).")
    int maxInitContainers;

    @Option(names = "--max-sidecars", defaultValue = "2", description = "Most sidecars (default: ${DEFAULT-VALUE}).")
    int maxSidecars;

    @Option(names = "--probe-percent", defaultValue = "30", description = "Chance, in percent, that a container has each probe (default: ${DEFAULT-VALUE}).")
    int probePercent;

    Size toSize(CommandLine cli) {
        try {
            return Size.DEFAULT.withContainers(maxContainers, maxInitContainers, maxSidecars).withProbePercent(probePercent);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
