package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodReadinessGate;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import dev.podcheck.spec.scenario.PatchCondition;
import dev.podcheck.spec.scenario.RemoveFinalizers;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The rest of a pod's life (issue 12), drawn after everything else so that every earlier draw, and
 * so every scenario without these fields, stays as it was: finalizers and their removal
 * (SEMANTICS FZ-2, FZ-3), readiness gates and the patches of their conditions (RG-1..RG-3),
 * termination messages, logs and FallbackToLogsOnError (TM-2..TM-4), the node's images and the
 * containers' imagePullPolicy (IP-1..IP-3), updates of the pod's spec (SU-1..SU-4), kubelet restarts and
 * sandbox losses (KR, SB), and the other pods of a node under pressure (NP). Choice 0 adds nothing.
 */
final class LifecycleGen {
    /** The finalizer generated pods carry, as Kubernetes' own deleted-pods tests do with theirs. */
    static final String FINALIZER = "podcheck.dev/hold";
    static final String GATE_PREFIX = "podcheck.dev/gate-";

    private static final Gen<Duration> AT = Gen.longs(0, 180, 10).map(Duration::ofSeconds);
    /** Empty, the e2e tests' short word, or more than the kubelet keeps (4096 bytes, TM-2). */
    private static final Gen<String> MESSAGE = Gen.frequency(Weighted.just(2, ""), Weighted.just(2, "DONE"),
            Weighted.of(1, Gen.integers(4000, 6000).map(LifecycleGen::filler)));
    /**
     * Empty, one line, or more lines (80) and bytes (2048) than the log fallback keeps (TM-3); or 80 or
     * 81 empty lines, under 2048 bytes, where the line count alone decides what is kept, at its boundary
     * (the long lines pass 2048 bytes before 80 lines).
     */
    private static final Gen<String> LOG = Gen.frequency(Weighted.just(2, ""), Weighted.just(2, "DONE"),
            Weighted.of(1, Gen.integers(2, 120).map(LifecycleGen::lines)),
            Weighted.of(1, Gen.integers(80, 81).map("\n"::repeat)));

    private LifecycleGen() {}

    static Scenario add(Scenario scenario, Size size, Choices c) {
        Scenario out = scenario;
        if (size.apiPatches() && size.events()) {
            out = finalizers(out, c);
            out = readinessGates(out, c);
        }
        if (size.terminationMessages() && size.behaviours()) {
            out = terminationMessages(out, c);
        }
        if (size.imagePulls() && size.behaviours()) {
            out = NodeImageGen.add(out, c);
        }
        if (size.apiPatches() && size.events()) {
            out = UpdateGen.add(out, c);
        }
        if (size.nodeDisruptions() && size.events()) {
            out = NodeDisruptionGen.add(out, c);
        }
        if (size.nodePressure() && size.events() && size.behaviours()) {
            out = NodeGen.add(out, c);
        }
        if (size.nodePressure() && size.behaviours()) {
            out = LocalStorageGen.add(out, c); // an eviction by the node too, which real targets do not stage
            out = EmptyDirGen.add(out, c);
        }
        if (size.nodePressure() && size.events() && size.behaviours()) {
            out = PidGen.add(out, c);
            out = DiskGen.add(out, c);
        }
        return out;
    }

    /** A quarter of the pods hold a finalizer; most of those have it removed at some point. */
    private static Scenario finalizers(Scenario scenario, Choices c) {
        if (!c.drawBoolean(0.25)) {
            return scenario;
        }
        Pod pod = scenario.pod();
        List<WorldEvent> events = new ArrayList<>(scenario.events());
        if (c.drawBoolean(0.7)) {
            events.add(new RemoveFinalizers(AT.generate(c)));
        }
        return scenario.withPod(pod.withMetadata(pod.metadata().withFinalizers(List.of(FINALIZER))))
                .withEvents(events);
    }

    /** A fifth of the pods have one or two gates; each is mostly set True, and sometimes False again later. */
    private static Scenario readinessGates(Scenario scenario, Choices c) {
        if (!c.drawBoolean(0.2)) {
            return scenario;
        }
        int count = c.drawBoolean(0.3) ? 2 : 1;
        List<PodReadinessGate> gates = new ArrayList<>();
        List<WorldEvent> events = new ArrayList<>(scenario.events());
        for (int i = 1; i <= count; i++) {
            String type = GATE_PREFIX + i;
            gates.add(new PodReadinessGate(type));
            if (c.drawBoolean(0.8)) {
                Duration at = AT.generate(c);
                events.add(new PatchCondition(at, type, c.drawBoolean(0.8) ? "True" : "False"));
                if (c.drawBoolean(0.25)) {
                    events.add(new PatchCondition(at.plus(AT.generate(c)), type, "False"));
                }
            }
        }
        Pod pod = scenario.pod();
        return scenario.withPod(pod.withSpec(pod.spec().withReadinessGates(gates))).withEvents(events);
    }

    /** A fifth of the containers write a message or a log; a third of those fall back to the log on error. */
    private static Scenario terminationMessages(Scenario scenario, Choices c) {
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>(scenario.behaviours());
        Map<String, String> policies = new LinkedHashMap<>();
        scenario.pod().spec().allContainers().forEach(container -> {
            if (!c.drawBoolean(0.2)) {
                return;
            }
            String message = MESSAGE.generate(c);
            String log = LOG.generate(c);
            ContainerBehaviour given = scenario.behaviour(container.name());
            behaviours.put(container.name(), new ContainerBehaviour(
                    given.instances().stream().map(i -> i.withOutput(message, log)).toList()));
            if (c.drawBoolean(0.35)) {
                policies.put(container.name(), "FallbackToLogsOnError");
            }
        });
        UnaryOperator<Container> withPolicy = container -> policies.containsKey(container.name())
                ? container.withDefaultedFields(container.imagePullPolicy(), container.terminationMessagePath(),
                        policies.get(container.name()))
                : container;
        PodSpec spec = scenario.pod().spec();
        PodSpec withPolicies = spec.withInitContainers(spec.initContainers().stream().map(withPolicy).toList())
                .withContainers(spec.containers().stream().map(withPolicy).toList());
        return scenario.withPod(scenario.pod().withSpec(withPolicies)).withBehaviours(behaviours);
    }

    private static String filler(int bytes) {
        return "x".repeat(bytes - 4) + "tail";
    }

    private static String lines(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append("log line ").append(i).append(" of the container's output\n");
        }
        return out.toString();
    }
}
