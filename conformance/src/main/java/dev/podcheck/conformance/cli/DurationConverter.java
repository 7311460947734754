package dev.podcheck.conformance.cli;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Go-style durations for options (90s, 10m, 1h30m, or a plain number of seconds), longer than zero; targets use it too. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (d.isZero()) {
            throw new CommandLine.TypeConversionException("must be longer than 0s, got \"" + value + "\"");
        }
        return d;
    }
}
