package dev.podcheck.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Each rule of a {@link Profile} that may differ between Kubernetes releases, with the upstream change that made it
 * differ: what {@code podcheck diff-versions} attributes a changed prediction to, one rule at a time.
 */
public enum ReleaseRule {
    CRASH_LOOP_BACK_OFF("crash-loop-back-off", "R-5",
            "the crash-loop back-off's first delay and cap (kubelet.go initialCrashLoopBackOff, MaxContainerBackOff);"
                    + " KEP-4603's ReduceDefaultCrashLoopBackOffDecay is alpha and off through v1.37"),
    KUBELET_RESTART_KEEPS_STATUS("kubelet-restart-keeps-status", "KR-2a",
            "KEP-4781: from v1.35 a restarted kubelet keeps a long-running container's started and ready"
                    + " (ChangeContainerStatusOnKubeletRestart deprecated and off, pkg/kubelet/prober/prober_manager.go)"),
    EXEC_PROBES_WHILE_TERMINATING("exec-probes-while-terminating", "P-13",
            "v1.35 and v1.36 probe with the pod worker's context, cancelled once the pod is stopped, so exec probes err"
                    + " and count for nothing during the grace period; v1.37 detaches it (prober_manager.go AddPod"
                    + " context.WithoutCancel)");

    private final String id;
    private final String semanticsId;
    private final String change;

    ReleaseRule(String id, String semanticsId, String change) {
        this.id = id;
        this.semanticsId = semanticsId;
        this.change = change;
    }

    /** A stable id for reports: {@code kubelet-restart-keeps-status}. */
    public String id() {
        return id;
    }

    /** The fact's id in docs/semantics.md. */
    public String semanticsId() {
        return semanticsId;
    }

    /** What changed upstream, with its source. */
    public String change() {
        return change;
    }

    /** The rule's value in a release, as reports print it. */
    public String valueIn(Profile profile) {
        return switch (this) {
            case CRASH_LOOP_BACK_OFF -> profile.initialCrashLoopBackOff().toSeconds() + " s doubling to "
                    + profile.maxCrashLoopBackOff().toSeconds() + " s";
            case KUBELET_RESTART_KEEPS_STATUS -> profile.keepsStatusOnKubeletRestart() ? "kept" : "reset";
            case EXEC_PROBES_WHILE_TERMINATING -> profile.probesWhileTerminating() ? "counted" : "errors, thrown away";
        };
    }

    /** {@code base} with this one rule as {@code other} has it. */
    public Profile takeFrom(Profile base, Profile other) {
        return switch (this) {
            case CRASH_LOOP_BACK_OFF -> new Profile(base.minorVersion(), other.initialCrashLoopBackOff(),
                    other.maxCrashLoopBackOff(), base.keepsStatusOnKubeletRestart(), base.probesWhileTerminating());
            case KUBELET_RESTART_KEEPS_STATUS -> new Profile(base.minorVersion(), base.initialCrashLoopBackOff(),
                    base.maxCrashLoopBackOff(), other.keepsStatusOnKubeletRestart(), base.probesWhileTerminating());
            case EXEC_PROBES_WHILE_TERMINATING -> new Profile(base.minorVersion(), base.initialCrashLoopBackOff(),
                    base.maxCrashLoopBackOff(), base.keepsStatusOnKubeletRestart(), other.probesWhileTerminating());
        };
    }

    /** The rules on which two releases differ, in this enum's order. */
    public static List<ReleaseRule> differing(Profile from, Profile to) {
        return Arrays.stream(values()).filter(rule -> !rule.valueIn(from).equals(rule.valueIn(to))).toList();
    }
}
