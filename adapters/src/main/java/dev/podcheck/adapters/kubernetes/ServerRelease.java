package dev.podcheck.adapters.kubernetes;

import dev.podcheck.engine.Profile;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.Optional;

/**
 * Whether the cluster's release is the one a run holds it to: the apiserver's {@code /version} (what {@code kubectl
 * version} shows) against the run's profile. A run against another release still runs, with a warning: a difference
 * from the reference may then be the release's, not the cluster's.
 */
final class ServerRelease {
    private ServerRelease() {}

    /** The warning to print, or empty when the cluster runs the release's minor version. */
    static Optional<String> mismatch(VersionInfo server, Profile release) {
        String minor = server.getMinor() == null ? "" : server.getMinor().replaceAll("[^0-9].*$", "");
        String shown = server.getGitVersion() != null ? server.getGitVersion()
                : server.getMajor() + "." + server.getMinor();
        if ("1".equals(server.getMajor()) && String.valueOf(release.minorVersion()).equals(minor)) {
            return Optional.empty();
        }
        String own = "1".equals(server.getMajor()) && !minor.isEmpty() && Integer.parseInt(minor) >= Profile.OLDEST
                && Integer.parseInt(minor) <= Profile.NEWEST ? "1." + minor : null;
        return Optional.of("warning: the cluster runs Kubernetes " + shown + ", but this run holds it to the rules of "
                + release.version() + (own == null ? "" : " (--profile " + own + " holds it to its own)")
                + ": a difference from the reference may be the release's");
    }
}
