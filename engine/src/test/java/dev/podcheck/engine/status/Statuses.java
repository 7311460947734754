package dev.podcheck.engine.status;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodReadinessGate;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container statuses and pod specs for the status tests, named after the helpers of
 * pkg/kubelet/kubelet_pods_test.go (runningState, startedState, succeededState, ...).
 */
final class Statuses {

    private Statuses() {}

    /** Running, not (yet) started: kubelet_pods_test.go runningState. */
    static ContainerStatus running(String name) {
        return new ContainerStatus(name, new ContainerState.Running(0), null, 0, false, false);
    }

    /** Running and started: startedState. */
    static ContainerStatus started(String name) {
        return new ContainerStatus(name, new ContainerState.Running(0), null, 0, false, true);
    }

    /** Running, started and ready. */
    static ContainerStatus readyRunning(String name) {
        return new ContainerStatus(name, new ContainerState.Running(0), null, 0, true, true);
    }

    /** Exited 0: succeededState (also stoppedState, whose exit code is Go's zero value). */
    static ContainerStatus succeeded(String name) {
        return terminated(name, 0);
    }

    /** Exited 0, as a regular init container's status reads: ready is true (ST-12). */
    static ContainerStatus initDone(String name) {
        return new ContainerStatus(name, terminatedState(0), null, 0, true, false);
    }

    /** Exited -1: failedState. */
    static ContainerStatus failed(String name) {
        return terminated(name, -1);
    }

    static ContainerStatus terminated(String name, int exitCode) {
        return new ContainerStatus(name, terminatedState(exitCode), null, 0, false, false);
    }

    /** Waiting, never ran: waitingState. */
    static ContainerStatus waiting(String name) {
        return new ContainerStatus(name, ContainerState.waiting("ContainerCreating"), null, 0, false, false);
    }

    /** Waiting to restart after an exit 0: waitingStateWithLastTermination. */
    static ContainerStatus backOffAfterSuccess(String name) {
        return new ContainerStatus(name, ContainerState.waiting("CrashLoopBackOff"), terminatedState(0), 1, false, false);
    }

    /** Waiting to restart after a failure: waitingStateWithNonZeroTermination. */
    static ContainerStatus crashLoop(String name) {
        return new ContainerStatus(name, ContainerState.waiting("CrashLoopBackOff"), terminatedState(-1), 1, false, false);
    }


    static ContainerState.Terminated terminatedState(int exitCode) {
        return new ContainerState.Terminated(exitCode, exitCode == 0 ? "Completed" : "Error", "", 0, 1);
    }

    /** Statuses by name, in the given order. */
    static Map<String, ContainerStatus> of(ContainerStatus... statuses) {
        Map<String, ContainerStatus> map = new LinkedHashMap<>();
        for (ContainerStatus s : statuses) {
            map.put(s.name(), s);
        }
        return map;
    }

    static Map<String, ContainerStatus> of(List<ContainerStatus> statuses) {
        return of(statuses.toArray(ContainerStatus[]::new));
    }

    static Container regular(String name) {
        return Container.of(name, "busybox");
    }

    static Container sidecar(String name) {
        return Container.of(name, "busybox").withRestartPolicy("Always");
    }

    static PodSpec pod(String restartPolicy, List<Container> initContainers, String... containers) {
        return PodSpec.of(initContainers, Arrays.stream(containers).map(Statuses::regular).toList())
                .withRestartPolicy(restartPolicy);
    }

    static PodSpec withGates(PodSpec spec, String... conditionTypes) {
        return spec.withReadinessGates(Arrays.stream(conditionTypes).map(PodReadinessGate::new).toList());
    }
}
