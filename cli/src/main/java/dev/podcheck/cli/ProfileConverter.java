package dev.podcheck.cli;

import dev.podcheck.engine.Profile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A Kubernetes release on the command line: {@code 1.36}, or as a cluster reports it ({@code v1.36.3}: the patch
 * release has the minor release's rules).
 */
public final class ProfileConverter implements ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
        String minor = value.matches("v?1\\.[0-9]{1,3}(\\.[0-9]+([-+].*)?)?") ? value.replaceFirst("^v", "")
                .replaceFirst("^(1\\.[0-9]+)\\..*$", "$1") : value;
        try {
            return Profile.of(minor);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
