package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.List;
import java.util.Set;

/**
 * node/restart-keeps-containers (SEMANTICS KR-1): what must never happen. The runtime runs the containers, not the
 * kubelet: a restarted kubelet finds them running and stops none of them for its restart. A kill the pod's own life
 * asks for at that moment (a probe verdict, a changed definition, a failed postStart, the pod stopping, every regular
 * container done) is not the restart's.
 */
public final class RestartKeepsContainers implements Invariant {
    static final String MESSAGE = "%s was running at the kubelet restart at %d ms and was killed at %d ms (%s)";

    @Override
    public String id() {
        return "node/restart-keeps-containers";
    }

    @Override
    public String must() {
        return "A kubelet restart MUST NOT stop a container the runtime is running.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_container.go getContainerInfoFromAnnotations; test/e2e_node/"
                + "container_lifecycle_test.go \"should not restart any completed init container after the kubelet"
                + " restart\"; SEMANTICS KR-1";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<TraceEvent> events = trial.trace().events();
        for (Disruptions.At restart : Disruptions.of(trial.trace(), TraceEvent.KubeletRestarted.class)) {
            long until = restart.at() + trial.toleranceMillis();
            for (int i = restart.index() + 1; i < events.size() && events.get(i).at() <= until; i++) {
                if (!(events.get(i) instanceof KubeletEvent kill) || !kill.reason().equals("Killing")
                        || ownCause(kill) || Disruptions.stopping(trial.trace(), kill.at())
                        || regularsDone(trial, i)) {
                    continue;
                }
                boolean running = Disruptions.statusBefore(trial.trace(), kill.container(), restart.index())
                        .map(ContainerStatus::isRunning).orElse(false);
                if (running) {
                    return Verdict.violated(String.format(MESSAGE, kill.container(), restart.at(), kill.at(),
                            kill.message()), restart.event(), kill);
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** The kills computePodActions orders for the container itself, and a failed postStart's. */
    private static boolean ownCause(KubeletEvent kill) {
        String m = kill.message();
        return m.contains("failed liveness probe") || m.contains("failed startup probe")
                || m.contains("definition changed") || m.equals("FailedPostStartHook");
    }

    /** Every regular container has stopped: the kill is KillPod's, stopping the sidecars. */
    private static boolean regularsDone(Observed trial, int index) {
        return trial.scenario().pod().spec().containers().stream().noneMatch(c ->
                Disruptions.statusBefore(trial.trace(), c.name(), index).map(ContainerStatus::isRunning).orElse(false));
    }
}
