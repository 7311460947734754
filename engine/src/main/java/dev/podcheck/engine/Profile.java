package dev.podcheck.engine;

import java.time.Duration;

/**
 * The Kubernetes version whose semantics the engine models; version-dependent rules are read from
 * here and nowhere else.
 *
 * @param minorVersion          the Kubernetes 1.x minor version
 * @param initialCrashLoopBackOff first back-off delay (kubelet.go initialCrashLoopBackOff, SEMANTICS R-5)
 * @param maxCrashLoopBackOff   back-off cap (MaxContainerBackOff)
 * @param sidecars              restartable init containers (GA in 1.33, on by default since 1.29)
 */
public record Profile(int minorVersion, Duration initialCrashLoopBackOff, Duration maxCrashLoopBackOff,
                      boolean sidecars) {

    /** The newest stable release modelled: 1.34, gates at their defaults. */
    public static final Profile DEFAULT = new Profile(34, Duration.ofSeconds(10), Duration.ofSeconds(300), true);

    public Profile {
        if (initialCrashLoopBackOff.compareTo(maxCrashLoopBackOff) > 0) {
            throw new IllegalArgumentException("the first back-off must not exceed the cap");
        }
    }

    /** A named release, e.g. "1.34". */
    public static Profile of(String version) {
        if (!version.matches("1\\.[0-9]+")) {
            throw new IllegalArgumentException("expected a Kubernetes version like 1.34, got \"" + version + "\"");
        }
        int minor = Integer.parseInt(version.substring(2));
        if (minor < 29) {
            throw new IllegalArgumentException("Kubernetes 1." + minor + " is not modelled; the oldest is 1.29 (sidecars on by default)");
        }
        return new Profile(minor, DEFAULT.initialCrashLoopBackOff(), DEFAULT.maxCrashLoopBackOff(), true);
    }

    public String version() {
        return "1." + minorVersion;
    }
}
