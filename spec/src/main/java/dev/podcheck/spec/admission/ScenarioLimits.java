package dev.podcheck.spec.admission;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * podcheck's limits on sizes (README "Limits"). The apiserver bounds a pod by its 3 MiB request, in which
 * tens of thousands of containers fit; the engine's work grows with each of these counts, so past them a
 * scenario is refused before anything runs, in the apiserver's words for a list past its maximum.
 */
public final class ScenarioLimits {
    /** Regular containers, and separately init containers, per pod. */
    public static final int MAX_CONTAINERS = 100;
    /** Instance entries of one container's behaviour. */
    public static final int MAX_INSTANCE_ENTRIES = 100;
    /** Windows of one probe's health in one instance entry. */
    public static final int MAX_WINDOWS = 100;
    /** Memory steps of one instance entry. */
    public static final int MAX_MEMORY_STEPS = 100;
    /** World events of a scenario. */
    public static final int MAX_EVENTS = 100;

    private ScenarioLimits() {}

    /** Every count of {@code scenario} past its limit; empty when all are within. */
    public static List<Violation> check(Scenario scenario) {
        List<Violation> out = new ArrayList<>();
        count("spec.containers", scenario.pod().spec().containers().size(), MAX_CONTAINERS, out);
        count("spec.initContainers", scenario.pod().spec().initContainers().size(), MAX_CONTAINERS, out);
        count(ScenarioValidation.PATH + ".events", scenario.events().size(), MAX_EVENTS, out);
        for (Map.Entry<String, ContainerBehaviour> behaviour : scenario.behaviours().entrySet()) {
            String path = ScenarioValidation.PATH + ".containers." + behaviour.getKey();
            List<InstanceBehaviour> instances = behaviour.getValue().instances();
            count(path, instances.size(), MAX_INSTANCE_ENTRIES, out);
            for (int i = 0; i < instances.size() && i < MAX_INSTANCE_ENTRIES; i++) {
                InstanceBehaviour instance = instances.get(i);
                for (ProbeKind kind : ProbeKind.values()) {
                    count(path + "[" + i + "]." + kind, instance.health(kind).passing().size(), MAX_WINDOWS, out);
                }
                count(path + "[" + i + "].memory", instance.memory().size(), MAX_MEMORY_STEPS, out);
            }
        }
        return List.copyOf(out);
    }

    private static void count(String path, int actual, int max, List<Violation> out) {
        if (actual > max) {
            out.add(Violation.tooMany(path, actual, max));
        }
    }
}
