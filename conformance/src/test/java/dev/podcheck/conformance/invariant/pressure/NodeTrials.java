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
 * Test fixture: a node of 1Gi with memory.available<100Mi from 0 s holding {@code low} (priority 0, 600Mi, no request),
 * {@code high} (priority 100, 600Mi, no request), {@code small} (priority 0, 100Mi within its 500Mi request) and
 * {@code critical} (system-critical, 600Mi): each container {@code app} starts at 1 s unless a test says otherwise.
 */
final class NodeTrials {
    static final String NODE = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: low
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [high, small, critical]
                  containers:
                    app: {memory: [{from: 0s, bytes: 600Mi}]}
                  events:
                  - nodeMemoryPressure: {at: 0s, allocatable: 1Gi, evictionThreshold: 100Mi}
            spec:
              containers:
              - {name: app, image: busybox}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: high
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 0s, bytes: 600Mi}]}
            spec:
              priority: 100
              containers:
              - {name: app, image: busybox}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: small
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 0s, bytes: 100Mi}]}
            spec:
              containers:
              - name: app
                image: busybox
                resources:
                  requests: {memory: 500Mi}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: critical
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 0s, bytes: 600Mi}]}
            spec:
              priority: 2000000000
              containers:
              - {name: app, image: busybox}
            """;

    private NodeTrials() {}

    static TraceEvent started(long at) {
        return new TraceEvent.KubeletEvent(at, "Started", "app", "Started container app");
    }

    static TraceEvent.PodEvicted evicted(long at) {
        return new TraceEvent.PodEvicted(at, "memory", "The node was low on resource: memory. ");
    }

    /** The evicted pod's app shown ended at {@code at}, the pod Failed. */
    static List<TraceEvent> stopped(long at) {
        return List.of(Events.exited(at, "app", 137, 1_000, 0),
                new TraceEvent.PodPhaseChanged(at, PodPhase.Failed, "Evicted", ""));
    }

    static TraceEvent deleted(long at) {
        return new TraceEvent.DeletionRequested(at, 30, false, at + 30_000);
    }

    /** A pod whose app started at 1 s, then {@code more}. */
    static List<TraceEvent> runningFrom1s(TraceEvent... more) {
        List<TraceEvent> out = new ArrayList<>(List.of(started(1_000)));
        out.addAll(List.of(more));
        return out;
    }

    /** The node's trial: {@code low}'s trace with the others' by name (a pod left out has no trace). */
    static Observed node(List<TraceEvent> low, Map<String, List<TraceEvent>> others) {
        Map<String, Trace> neighbours = new LinkedHashMap<>();
        others.forEach((name, events) -> neighbours.put(name, new Trace(events)));
        return new Observed(Trials.scenario(NODE), new Trace(low, neighbours), EnumSet.allOf(Observation.class),
                Duration.ZERO, Duration.ofMinutes(2));
    }

    /** Every pod running from 1 s with these extra events by pod. */
    static Observed allRunning(Map<String, List<TraceEvent>> extra) {
        Map<String, List<TraceEvent>> others = new LinkedHashMap<>();
        for (String name : List.of("high", "small", "critical")) {
            others.put(name, runningFrom1s(extra.getOrDefault(name, List.of()).toArray(TraceEvent[]::new)));
        }
        return node(runningFrom1s(extra.getOrDefault("low", List.of()).toArray(TraceEvent[]::new)), others);
    }
}
