package dev.podcheck.engine;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Kubernetes release whose semantics the engine models, with its feature gates at their defaults;
 * release-dependent rules are read from here and nowhere else. Modelled: 1.33 to 1.37 (sidecars GA, getPhase with
 * podHasInitialized from v1.33, PR #128516); releases before 1.33 differ in getPhase and are refused rather than
 * simulated wrongly. docs/versions.md has the table of facts per release, each with the upstream change.
 *
 * @param minorVersion                 the Kubernetes 1.x minor version
 * @param initialCrashLoopBackOff      first back-off delay (kubelet.go initialCrashLoopBackOff, SEMANTICS R-5)
 * @param maxCrashLoopBackOff          back-off cap (MaxContainerBackOff); alpha gates change both
 * @param keepsStatusOnKubeletRestart  a restarted kubelet keeps a running container's started and ready from the API
 *                                     status until its probes say otherwise (KEP-4781, from v1.35; SEMANTICS KR-2a)
 * @param probesWhileTerminating       probe results count while the pod is being stopped; v1.35 and v1.36 throw
 *                                     them away (their workers probe with the pod worker's cancelled context;
 *                                     SEMANTICS P-13)
 */
public record Profile(int minorVersion, Duration initialCrashLoopBackOff, Duration maxCrashLoopBackOff,
                      boolean keepsStatusOnKubeletRestart, boolean probesWhileTerminating) {

    public static final int OLDEST = 33;
    public static final int NEWEST = 37;

    private static final Pattern RELEASE = Pattern.compile("v?1\\.([0-9]{1,3})(?:\\.[0-9]+(?:[-+].*)?)?");
    /** The release the default node of cluster/ runs (v1.34.4), with its feature gates at their defaults. */
    public static final Profile DEFAULT = of("1.34");

    public Profile {
        if (minorVersion < OLDEST || minorVersion > NEWEST) {
            throw new IllegalArgumentException("Kubernetes 1." + minorVersion + " is not modelled; podcheck models 1."
                    + OLDEST + " to 1." + NEWEST);
        }
        if (initialCrashLoopBackOff.compareTo(maxCrashLoopBackOff) > 0) {
            throw new IllegalArgumentException("the first back-off must not exceed the cap");
        }
    }

    /** A release with other crash-loop back-off constants (an alpha gate, a kubelet configuration), else its own rules. */
    public Profile(int minorVersion, Duration initialCrashLoopBackOff, Duration maxCrashLoopBackOff) {
        this(minorVersion, initialCrashLoopBackOff, maxCrashLoopBackOff, keepsStatus(minorVersion),
                probesWhileTerminating(minorVersion));
    }

    /**
     * A named release with that release's default gates: {@code 1.34}, or as a cluster or a user writes it
     * ({@code v1.34.2}, {@code v1.34.2-gke.1200}, {@code v1.34.2+k3s1}: a patch release has its minor release's rules).
     */
    public static Profile of(String version) {
        Matcher release = version == null ? null : RELEASE.matcher(version);
        if (release == null || !release.matches()) {
            throw new IllegalArgumentException("expected a Kubernetes version like 1.34, got \"" + version + "\"");
        }
        // 10 s doubling to 300 s in every modelled release: ReduceDefaultCrashLoopBackOffDecay (KEP-4603) is alpha
        // and off through v1.37 (pkg/features/kube_features.go), KubeletCrashLoopBackOffMax needs a kubelet setting.
        return new Profile(Integer.parseInt(release.group(1)), Duration.ofSeconds(10), Duration.ofSeconds(300));
    }

    /** Every modelled release, oldest first. */
    public static List<Profile> all() {
        return IntStream.rangeClosed(OLDEST, NEWEST).mapToObj(minor -> of("1." + minor)).toList();
    }

    public String version() {
        return "1." + minorVersion;
    }

    // ChangeContainerStatusOnKubeletRestart: GA and on through v1.34, deprecated and off from v1.35 (KEP-4781).
    private static boolean keepsStatus(int minor) {
        return minor >= 35;
    }

    // v1.35 passes the pod worker's context to the probe workers (prober_manager.go AddPod(ctx), `go w.run(ctx)`),
    // which pod_workers.go cancels once the pod is terminating; v1.37 detaches it (context.WithoutCancel).
    private static boolean probesWhileTerminating(int minor) {
        return minor < 35 || minor > 36;
    }
}
