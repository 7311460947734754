package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetProvider;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The targets this launcher carries, found through {@link ServiceLoader} so that conformance never
 * imports the adapters. A fresh set of providers per invocation: picocli fills their options.
 */
record Targets(List<TargetProvider> providers) {
    static final String DEFAULT = "engine";

    Targets {
        providers = List.copyOf(providers);
    }

    static Targets discover() {
        return new Targets(ServiceLoader.load(TargetProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    Optional<TargetProvider> find(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    String names() {
        return providers.stream().map(TargetProvider::name).collect(Collectors.joining(", "));
    }

    /**
     * The target an invocation names with {@code --target}, read before parsing so that only its own
     * options ({@code --kubeconfig}, ...) are added to the verb; the verb's default when it names none.
     */
    String chosenIn(String[] args, String verbDefault) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--target") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--target=")) {
                return args[i].substring("--target=".length());
            }
        }
        return verbDefault;
    }
}
