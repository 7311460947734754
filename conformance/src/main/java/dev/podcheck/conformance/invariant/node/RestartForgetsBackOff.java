package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node/restart-forgets-back-off (SEMANTICS KR-3): what must happen, by when. The crash-loop back-off lives in the
 * kubelet's memory: a container waiting in CrashLoopBackOff at a kubelet restart is started by the restarted kubelet's
 * first SyncPod, before the back-off it was waiting for would have ended. Judged where that end comes after the pod
 * worker is free, a relist, the target's tolerance and the longest chain of starts, and the pod is not being stopped.
 */
public final class RestartForgetsBackOff implements Invariant {
    static final String MESSAGE = "%s was waiting in CrashLoopBackOff (%s) at the kubelet restart at %d ms and was not"
            + " started again before that back-off ended at %d ms";
    private static final Pattern BACK_OFF = Pattern.compile("^back-off (\\d+)s restarting");

    @Override
    public String id() {
        return "node/restart-forgets-back-off";
    }

    @Override
    public String must() {
        return "A container waiting in CrashLoopBackOff at a kubelet restart MUST be started again before that back-off"
                + " ends.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kubelet.go NewMainKubelet (klet.backOff, klet.reasonCache in memory);"
                + " kuberuntime_manager.go doBackOff; SEMANTICS KR-3, R-6";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        for (Disruptions.At restart : Disruptions.of(trial.trace(), TraceEvent.KubeletRestarted.class)) {
            for (String name : trial.scenario().pod().spec().allContainers().map(c -> c.name()).toList()) {
                Optional<ContainerStatus> before = Disruptions.statusBefore(trial.trace(), name, restart.index());
                if (before.isEmpty() || !(before.get().state() instanceof ContainerState.Waiting w)
                        || !w.reason().equals("CrashLoopBackOff")
                        || !(before.get().lastState() instanceof ContainerState.Terminated last)) {
                    continue;
                }
                Matcher m = BACK_OFF.matcher(w.message());
                if (!m.find()) {
                    continue;
                }
                long end = last.finishedAt() + Long.parseLong(m.group(1)) * 1000;
                // The restart's SyncPod comes once the pod worker is free, past a start under way and the kill it
                // may end in (seed 106 trial 3624); starts before this one may take their time.
                long busy = RestartDue.busyThrough(trial, restart.at());
                long latest = busy >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE : busy + RestartDue.PLEG_RELIST_MILLIS
                        + trial.toleranceMillis() + RestartDue.longestStartChain(trial);
                boolean judged = end > latest
                        && end <= trial.horizonMillis() && !Disruptions.stopping(trial.trace(), end)
                        && noOtherDisruption(trial, restart, end);
                if (judged && !startedBefore(trial.trace().events(), restart.index(), name, end)) {
                    return Verdict.violated(String.format(MESSAGE, name, w.message(), restart.at(), end),
                            restart.event());
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** A start asked for: its image step, its creation, or its start. */
    private static boolean startedBefore(List<TraceEvent> events, int from, String container, long end) {
        for (int i = from + 1; i < events.size() && events.get(i).at() < end; i++) {
            if (events.get(i) instanceof KubeletEvent k && k.container().equals(container)
                    && Set.of("Pulling", "Pulled", "Created", "Started", "Failed", "BackOff").contains(k.reason())
                    && !(k.reason().equals("BackOff") && k.message().startsWith("Back-off restarting"))) {
                return true;
            }
        }
        return false;
    }

    /** A later restart or a sandbox loss before the end changes what is owed; that one is judged on its own. */
    private static boolean noOtherDisruption(Observed trial, Disruptions.At restart, long end) {
        return trial.trace().events().stream().skip(restart.index() + 1L)
                .noneMatch(e -> NodeDisruptions.isDisruption(e) && e.at() < end);
    }
}
