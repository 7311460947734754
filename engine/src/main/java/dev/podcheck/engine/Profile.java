package dev.podcheck.engine;

import java.time.Duration;

/**
 * The Kubernetes version whose semantics the engine models; version-dependent rules are read from
 * here and nowhere else. Modelled: 1.33 to 1.36, whose rules agree on everything the engine
 * simulates (sidecars GA, getPhase with podHasInitialized from v1.33, PR #128516); releases before
 * 1.33 differ in getPhase and are refused rather than simulated wrongly.
 *
 * @param minorVersion            the Kubernetes 1.x minor version
 * @param initialCrashLoopBackOff first back-off delay (kubelet.go initialCrashLoopBackOff, SEMANTICS R-5)
 * @param maxCrashLoopBackOff     back-off cap (MaxContainerBackOff); alpha gates change both
 */
public record Profile(int minorVersion, Duration initialCrashLoopBackOff, Duration maxCrashLoopBackOff) {

    public static final int OLDEST = 33;
    public static final int NEWEST = 36;

    /** The newest stable release modelled with its feature gates at their defaults. */
    public static final Profile DEFAULT = new Profile(34, Duration.ofSeconds(10), Duration.ofSeconds(300));

    public Profile {
        if (minorVersion < OLDEST || minorVersion > NEWEST) {
            throw new IllegalArgumentException("Kubernetes 1." + minorVersion + " is not modelled; podcheck models 1."
                    + OLDEST + " to 1." + NEWEST);
        }
        if (initialCrashLoopBackOff.compareTo(maxCrashLoopBackOff) > 0) {
            throw new IllegalArgumentException("the first back-off must not exceed the cap");
        }
    }

    /** A named release, e.g. "1.34", with that release's default gates. */
    public static Profile of(String version) {
        if (!version.matches("1\\.[0-9]+")) {
            throw new IllegalArgumentException("expected a Kubernetes version like 1.34, got \"" + version + "\"");
        }
        return new Profile(Integer.parseInt(version.substring(2)), DEFAULT.initialCrashLoopBackOff(),
                DEFAULT.maxCrashLoopBackOff());
    }

    public String version() {
        return "1." + minorVersion;
    }
}
