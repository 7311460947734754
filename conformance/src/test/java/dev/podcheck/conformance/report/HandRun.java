package dev.podcheck.conformance.report;

import static dev.podcheck.conformance.report.Traces.exited;
import static dev.podcheck.conformance.report.Traces.running;
import static dev.podcheck.conformance.report.Traces.trace;
import static dev.podcheck.conformance.report.Traces.waiting;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Shard;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Test fixture: a run built by hand around one rich counterexample: an init container, a sidecar
 * and an app that fails liveness, is killed and restarted, then the pod is deleted with a preStop
 * hook and a SIGKILL. Its witness is the app's SIGKILL and its terminated status.
 */
final class HandRun {
    static final String ID = "termination/grace";
    static final String MUST = "The kubelet MUST send SIGKILL only after the grace period <30 s> & not before";
    static final String MESSAGE = "app got SIGKILL at 70.000, 10 s into a 30 s grace; \"early\" <kill> & done";

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
              - name: init-1
                image: busybox
              - name: side
                image: busybox
                restartPolicy: Always
              containers:
              - name: app
                image: busybox
                livenessProbe:
                  exec:
                    command: [check]
                  periodSeconds: 5
                lifecycle:
                  preStop:
                    exec:
                      command: [drain]
            """;

    private HandRun() {}

    static Trace richTrace() {
        return trace()
                .created(0, "BestEffort").phase(0, PodPhase.Pending)
                .condition(0, ConditionType.Initialized, false, "ContainersNotInitialized")
                .status(0, "init-1", waiting("PodInitializing"), 0, false, false)
                .status(0, "side", waiting("PodInitializing"), 0, false, false)
                .status(0, "app", waiting("PodInitializing"), 0, false, false)
                .status(1000, "init-1", running(1000), 0, false, false)
                .status(4000, "init-1", exited(0, "Completed", "", 1000, 4000), 0, false, false)
                .status(5000, "side", running(5000), 0, true, true)
                .condition(5000, ConditionType.Initialized, true, "")
                .status(6000, "app", running(6000), 0, true, true)
                .phase(6000, PodPhase.Running)
                .probes(20_000, 30_000, 5000, "app", ProbeKind.liveness, false)
                .event(30_000, "Killing", "app", "Container app failed liveness probe, will be restarted")
                .signal(30_000, "app", Signal.SIGTERM)
                .status(32_000, "app", exited(143, "Error", "SIGTERM", 6000, 32_000), 0, false, false)
                .status(42_000, "app", running(42_000), exited(143, "Error", "SIGTERM", 6000, 32_000), 1, true, true)
                .deletion(60_000, 30, false)
                .hookStarted(60_000, "app", Hook.preStop)
                .hookFinished(64_000, "app", Hook.preStop, false)
                .signal(64_000, "app", Signal.SIGTERM)
                .signal(70_000, "app", Signal.SIGKILL)
                .status(70_000, "app", exited(137, "Error", "SIGKILL", 42_000, 70_000), 1, false, false)
                .signal(70_000, "side", Signal.SIGTERM)
                .status(71_000, "side", exited(0, "Completed", "", 5000, 71_000), 0, false, false)
                .phase(71_000, PodPhase.Failed)
                .removed(72_000)
                .build();
    }

    static RunResult result() {
        Scenario scenario = Defaulting.apply(ScenarioReader.readOne("hand", POD));
        Trace trace = richTrace();
        List<TraceEvent> witness = trace.events().stream()
                .filter(e -> e.at() == 70_000 && !(e instanceof TraceEvent.SignalSent s && s.container().equals("side")))
                .toList();
        Invariant grace = invariant(ID, MUST);
        Counterexample c = new Counterexample(grace, "seed 42 trial 17", 0x9E3779B97F4A7C15L, 17, scenario, trace,
                new Verdict.Violated(MESSAGE, witness), 23, true);
        return new RunResult("engine", 42, new Shard(2, 4), List.of(
                new InvariantResult(grace, true, 99, 1, 0, c, null, null),
                new InvariantResult(invariant("init/order", "Init containers MUST start one at a time, in order."),
                        true, 100, 0, 0, null, null, null),
                new InvariantResult(invariant("probe/liveness-restarts", "A container MUST restart after failureThreshold liveness failures."),
                        true, 60, 0, 40, null, null, "probe results not observed")),
                100, List.of(), 0, Duration.ofMillis(2500), false, null);
    }

    private static Invariant invariant(String id, String must) {
        return new Invariant() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String must() {
                return must;
            }

            @Override
            public String source() {
                return "test fixture";
            }

            @Override
            public Set<Observation> needs() {
                return Set.of(Observation.CONTAINER_STATUSES);
            }

            @Override
            public Verdict check(Observed trial) {
                return Verdict.HOLDS;
            }
        };
    }
}
