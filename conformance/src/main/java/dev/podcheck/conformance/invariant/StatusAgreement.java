package dev.podcheck.conformance.invariant;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A field of the pod status that the kubelet derives from the container statuses of the same status
 * write (the phase, a kubelet-owned condition): judged at every snapshot, so in both directions (not
 * before the statuses allow it, and once they call for it). A disagreement counts once it lasts longer
 * than the target's tolerance: from the snapshot that shows it to the first that agrees again, or to
 * {@code until} when none does; one that opened when the prober wrote a result (SetContainerStartup,
 * SetContainerReadiness) may last, beyond that, until the SyncPod under way returns.
 */
public final class StatusAgreement {
    private StatusAgreement() {}

    /** What a snapshot shows, what its container statuses make it, and the events that show both. */
    public record Disagreement(String shown, String expected, List<TraceEvent> witness) {
        public Disagreement {
            witness = witness.stream().filter(Objects::nonNull).sorted(java.util.Comparator.comparingLong(TraceEvent::at))
                    .toList();
        }
    }

    /** Judges one snapshot: its disagreement, or null when it agrees (or is not judged). */
    @FunctionalInterface
    public interface Rule {
        Disagreement judge(Snapshot snapshot);
    }

    /**
     * The first disagreement that outlasts the tolerance, as {@code template} words it with the
     * times it lasted from and to, what was shown and what was due.
     *
     * @param snapshots the snapshots judged, in time order
     * @param until     when the last of them stops counting (the horizon, or when judging ends)
     */
    public static Verdict first(Observed trial, List<Snapshot> snapshots, long until, Rule rule, String template) {
        Disagreement open = null;
        long since = 0;
        long allowed = 0;
        for (Snapshot s : snapshots) {
            if (open != null && s.at() - since > allowed) {
                return violated(template, since, s.at(), open);
            }
            Disagreement d = rule.judge(s);
            if (d == null) {
                open = null;
            } else if (open == null) {
                open = d;
                since = s.at();
                allowed = trial.toleranceMillis()
                        + (proberWrote(trial, since) ? RestartDue.busyUntil(trial, since) - since : 0);
            }
        }
        if (open != null && until - since > allowed) {
            return violated(template, since, until, open);
        }
        return Verdict.HOLDS;
    }

    /**
     * Whether the prober wrote a startup or readiness result at {@code at}: status_manager.go
     * SetContainerStartup and SetContainerReadiness write it at once, outside the pod worker, changing
     * that container's started or ready alone (readiness with the Ready and ContainersReady conditions);
     * the fields derived from started (the Initialized condition, the phase) are generated again by the
     * pod worker's next SyncPod, after the one under way.
     */
    private static boolean proberWrote(Observed trial, long at) {
        return trial.index().all(TraceEvent.ProbeResult.class).stream()
                .anyMatch(r -> r.at() == at && r.probe() != ProbeKind.liveness);
    }

    /**
     * {@link #first} for a condition the kubelet generates with the statuses of the same write: from its
     * first status write until the pod is removed, but not once the kubelet failed the pod itself (a phase
     * reason: its deadline or an eviction), when generateAPIPodStatus returns before generating conditions.
     */
    public static Verdict firstOfConditions(Observed trial, Rule rule, String template) {
        long until = trial.trace().all(TraceEvent.PodRemoved.class).mapToLong(TraceEvent::at).findFirst()
                .orElse(trial.horizonMillis());
        Rule generated = s -> s.statuses().isEmpty() || s.phase() != null && !s.phase().reason().isEmpty()
                ? null : rule.judge(s);
        return first(trial, TraceQueries.snapshots(trial), until, generated, template);
    }

    private static Verdict violated(String template, long since, long to, Disagreement d) {
        return Verdict.violated(String.format(template, since, to, d.shown(), d.expected()), new ArrayList<>(d.witness()));
    }

    /** A condition as a verdict names it: its status, then its reason and message when it has them. */
    public static String describe(PodCondition c) {
        String s = c.status() ? "True" : "False";
        return c.reason().isEmpty() ? s : s + " " + c.reason() + (c.message().isEmpty() ? "" : " (" + c.message() + ")");
    }

    /** fmt's %s of a []string, as generate.go puts container names in a condition's message. */
    public static String goSlice(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }
}
