package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.conformance.invariant.restart.Events;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a node whose pods may run 100,000 tasks with pid.available<90,000 from {@code pressureAt}, holding
 * {@code bomb} (priority 0, 30,000 tasks), {@code busy} (priority 0, 40,000), {@code vip} (priority 100, 50,000) and
 * {@code critical} (system-critical, one task); each container {@code app} starts at 1 s.
 */
final class PidTrials {
    private static final String NODE = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: bomb
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [busy, vip, critical]
                  containers:
                    app: {processes: [{from: 0s, count: 30000}]}
                  events:
                  - nodePidPressure: {at: %ds, maxPids: 100000, evictionThreshold: 90000}
            spec:
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: busy
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {processes: [{from: 0s, count: 40000}]}
            spec:
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: vip
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {processes: [{from: 0s, count: 50000}]}
            spec:
              priority: 100
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: critical
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {processes: [{from: 0s, count: 1}]}
            spec:
              priority: 2000000000
              containers: [{name: app, image: busybox}]
            """;

    private PidTrials() {}

    static TraceEvent.PodEvicted evicted(long at) {
        return new TraceEvent.PodEvicted(at, "pids", "The node was low on resource: pids. ");
    }

    /** The pod evicted at {@code at}, its app ended and the pod Failed a second later. */
    static List<TraceEvent> evictedAndStopped(long at) {
        return stoppedAfter(evicted(at));
    }

    /** {@code eviction}, then the pod's app ended and the pod Failed a second later. */
    static List<TraceEvent> stoppedAfter(TraceEvent.PodEvicted eviction) {
        long at = eviction.at();
        return List.of(eviction, Events.exited(at + 1_000, "app", 137, 1_000, 0),
                new TraceEvent.PodPhaseChanged(at + 1_000, PodPhase.Failed, "Evicted", ""));
    }

    /** Every pod running from 1 s under pressure from {@code pressureAt} s, with these extra events by pod. */
    static Observed node(long pressureAt, Map<String, List<TraceEvent>> extra) {
        return observe(NODE.formatted(pressureAt), "bomb", List.of("busy", "vip", "critical"), extra);
    }

    /** The node of {@code yaml}, whose first pod is {@code first}, every pod running from 1 s, with these extra events. */
    static Observed observe(String yaml, String first, List<String> others, Map<String, List<TraceEvent>> extra) {
        Map<String, Trace> neighbours = new LinkedHashMap<>();
        for (String name : others) {
            neighbours.put(name, new Trace(running(extra.getOrDefault(name, List.of()))));
        }
        return new Observed(Trials.scenario(yaml), new Trace(running(extra.getOrDefault(first, List.of())), neighbours),
                EnumSet.allOf(Observation.class), Duration.ZERO, Duration.ofMinutes(2));
    }

    private static List<TraceEvent> running(List<TraceEvent> more) {
        List<TraceEvent> out = new ArrayList<>(List.of(NodeTrials.started(1_000)));
        out.addAll(more);
        return out;
    }
}
