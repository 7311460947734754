package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.SandboxCreated;
import java.util.List;
import java.util.Set;

/**
 * node/init-reruns-after-sandbox-loss (SEMANTICS SB-3, SB-4): what must never happen. A new sandbox starts the pod
 * from its initial state: the kubelet purges the init containers and runs them again from the first, so no regular
 * container runs in it before every regular init container has run in it and exited 0.
 */
public final class InitRerunsAfterSandboxLoss implements Invariant {
    static final String MESSAGE = "%s started at %d ms in the sandbox created again at %d ms before init container %s"
            + " had run to completion in it";

    @Override
    public String id() {
        return "node/init-reruns-after-sandbox-loss";
    }

    @Override
    public String must() {
        return "In a sandbox created again, a regular container MUST NOT start before every regular init container has"
                + " run again and exited 0.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (createPodSandbox:"
                + " InitContainersToStart = [0]), SyncPod purgeInitContainers; test/e2e_node/container_lifecycle_test.go"
                + " \"should restart the containers in right order after the node reboot\"; SEMANTICS SB-3, SB-4";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<String> regularInits = trial.scenario().pod().spec().initContainers().stream()
                .filter(c -> !c.isSidecar()).map(Container::name).toList();
        Set<String> regulars = Set.copyOf(trial.scenario().pod().spec().containers().stream().map(Container::name)
                .toList());
        List<TraceEvent> events = trial.trace().events();
        for (Disruptions.At sandbox : Disruptions.of(trial.trace(), SandboxCreated.class)) {
            for (int i = sandbox.index() + 1; i < events.size(); i++) {
                if (NodeDisruptions.isDisruption(events.get(i))) {
                    break; // the next sandbox is judged on its own
                }
                if (events.get(i) instanceof ContainerStatusChanged e && regulars.contains(e.status().name())
                        && e.status().state() instanceof ContainerState.Running r && r.startedAt() >= sandbox.at()) {
                    for (String init : regularInits) {
                        if (!completedSince(events, sandbox, i, init)) {
                            return Verdict.violated(String.format(MESSAGE, e.status().name(), r.startedAt(),
                                    sandbox.at(), init), sandbox.event(), e);
                        }
                    }
                    break; // the first start in the sandbox settles it
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** The init container shows a termination with exit 0 of a run started in the sandbox, before index {@code until}. */
    private static boolean completedSince(List<TraceEvent> events, Disruptions.At sandbox, int until, String init) {
        for (int i = sandbox.index() + 1; i < until; i++) {
            if (events.get(i) instanceof ContainerStatusChanged e && e.status().name().equals(init)
                    && e.status().state() instanceof ContainerState.Terminated t && t.exitCode() == 0
                    && t.startedAt() >= sandbox.at()) {
                return true;
            }
        }
        return false;
    }
}
