package dev.podcheck.cli;

import dev.podcheck.engine.Profile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A Kubernetes release on the command line, as {@link Profile#of} reads it. */
public final class ProfileConverter implements ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
        try {
            return Profile.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
