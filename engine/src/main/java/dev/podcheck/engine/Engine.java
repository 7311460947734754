package dev.podcheck.engine;

import dev.podcheck.engine.kubelet.NodeSimulation;
import dev.podcheck.engine.kubelet.PodWorker;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;

/**
 * The reference engine: what Kubernetes (apiserver and kubelet) does with a scenario, as a trace
 * in virtual time. Deterministic: the same scenario and options give the same trace.
 *
 * <p>Stability: experimental.
 */
public final class Engine {
    private Engine() {}

    /** Simulates a defaulted, valid scenario (see admission.Defaulting and Validation); a node scenario's every pod. */
    public static Trace simulate(Scenario defaulted, EngineOptions options) {
        if (defaulted.isNodeScenario()) {
            return NodeSimulation.run(defaulted, options);
        }
        return new PodWorker(defaulted, options).run();
    }

    public static Trace simulate(Scenario defaulted) {
        return simulate(defaulted, EngineOptions.DEFAULT);
    }
}
