package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A target's own options ({@link TargetProvider#options()}) as options of a verb. */
final class ProviderOptions {
    private ProviderOptions() {}

    /** Adds each option of {@code provider} to {@code verb}; a value the target cannot use is a usage error. */
    static void addTo(CommandLine verb, TargetProvider provider) {
        addTo(verb, provider, TargetOption.Use.RUN);
    }

    /** Adds the options of {@code provider} that change something for a verb that uses it as {@code use} says. */
    static void addTo(CommandLine verb, TargetProvider provider, TargetOption.Use use) {
        for (TargetOption option : provider.options()) {
            if (option.uses().contains(use)) {
                verb.getCommandSpec().addOption(spec(option));
            }
        }
    }

    /** Whether {@code name} (for example {@code --kubeconfig}) is an option of {@code provider}. */
    static boolean owns(TargetProvider provider, String name) {
        return provider.options().stream().anyMatch(o -> o.name().equals(name));
    }

    /** Whether {@code name} is an option of {@code provider} for a verb that uses it as {@code use} says. */
    static boolean owns(TargetProvider provider, String name, TargetOption.Use use) {
        return provider.options().stream().anyMatch(o -> o.name().equals(name) && o.uses().contains(use));
    }

    private static OptionSpec spec(TargetOption option) {
        // The target parses and keeps the value in one step: as picocli's converter, so that a value it cannot
        // use is reported like any other ("Invalid value for option ..."); picocli's own copy is not needed.
        CommandLine.ITypeConverter<Object> parse = value -> {
            try {
                option.set().accept(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
        OptionSpec.Builder spec = OptionSpec.builder(option.name())
                .description(option.description())
                .defaultValue(option.defaultValue())
                .converters(parse)
                .setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                        return null;
                    }
                });
        return option.isFlag()
                ? spec.type(boolean.class).arity("0").build()
                : spec.type(String.class).paramLabel(option.paramLabel()).arity("1").build();
    }
}
