package dev.podcheck.cli;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Go-style durations for options (90s, 10m, 1h30m, or a plain number of seconds), longer than zero. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parsePositive(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
