package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * status/termination-message-reported (SEMANTICS TM-2..TM-5): what must happen. The terminated
 * state the kubelet writes for an instance carries the message that instance left: its
 * terminationMessagePath file's tail, or under FallbackToLogsOnError and a non-zero exit its log's
 * tail, and nothing from the log otherwise. The state's restartCount names the instance; a
 * ContainerStatusUnknown state is the kubelet's own and has no file to read.
 */
public final class TerminationMessageReported implements Invariant {
    static final String MESSAGE = "at %d ms %s (instance %d, exit %d) showed the termination message %s, not %s";
    /** How much of a message a violation quotes. */
    static final int QUOTED = 40;

    @Override
    public String id() {
        return "status/termination-message-reported";
    }

    @Override
    public String must() {
        return "A terminated container MUST show as its message the last 4096 bytes of its terminationMessagePath "
                + "file, or, if that is empty, with FallbackToLogsOnError and a non-zero exit code, the last 80 lines "
                + "(at most 2048 bytes) of its log; cut to the pod's share of 12 KiB.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_container.go getTerminationMessage, readLastStringFromContainerLogs; "
                + "test/e2e/common/node/runtime.go \"should report termination message ...\"; SEMANTICS TM-2..TM-5";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        Scenario scenario = trial.scenario();
        PodSpec spec = scenario.pod().spec();
        Map<String, Container> containers = spec.allContainers()
                .collect(Collectors.toMap(Container::name, Function.identity()));
        for (ContainerStatusChanged e : trial.index().all(ContainerStatusChanged.class)) {
            if (!(e.status().state() instanceof ContainerState.Terminated t) || "ContainerStatusUnknown".equals(t.reason())) {
                continue;
            }
            String name = e.status().name();
            int instance = e.status().restartCount();
            String expected = TerminationMessages.expected(spec, containers.get(name),
                    scenario.behaviour(name).forInstance(instance), t.exitCode());
            if (!expected.equals(t.message())) {
                return Verdict.violated(String.format(MESSAGE, e.at(), name, instance, t.exitCode(), quote(t.message()),
                        quote(expected)), e);
            }
        }
        return Verdict.HOLDS;
    }

    private static String quote(String message) {
        return message.length() <= QUOTED ? "\"" + message + "\""
                : "\"" + message.substring(0, QUOTED) + "...\" (" + TerminationMessages.bytes(message) + " bytes)";
    }
}
