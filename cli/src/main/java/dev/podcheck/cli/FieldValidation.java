package dev.podcheck.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --validate=strict|warn|ignore}, kubectl's values for the apiserver's field validation: unknown or
 * repeated fields refuse the pod (kubectl's default), are printed as warnings, or are dropped silently.
 * Either way they are not part of the pod, as on the apiserver.
 */
final class FieldValidation {
    enum Mode { strict, warn, ignore }

    @Option(names = "--validate", defaultValue = "strict", paramLabel = "strict|warn|ignore", converter = ModeConverter.class,
            description = "Unknown or repeated fields: strict refuses the pod, warn prints a warning, ignore drops them "
                    + "silently; true and false mean strict and ignore, as in kubectl (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.strict;

    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return switch (value) {
                case "strict", "true" -> Mode.strict;
                case "warn" -> Mode.warn;
                case "ignore", "false" -> Mode.ignore;
                default -> throw new TypeConversionException("expected strict, warn or ignore, got \"" + value + "\"");
            };
        }
    }
}
