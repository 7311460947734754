package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a node whose filesystem has 10Gi available to pods with nodefs.available&lt;2Gi from
 * {@code pressureAt}, holding {@code big} (priority 0, 5Gi written), {@code hog} (priority 0, 4Gi), {@code vip}
 * (priority 100, 6Gi), {@code modest} (priority 0, 3Gi under a 4Gi ephemeral-storage request) and {@code critical}
 * (system-critical, 1Mi); each container {@code app} starts at 1 s and writes at once. 18Gi and 1Mi written: nothing
 * left available.
 */
final class DiskTrials {
    static final long WRITTEN = (18L << 30) + (1L << 20);
    private static final String NODE = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: big
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [hog, vip, modest, critical]
                  containers:
                    app: {disk: [{from: 0s, bytes: 5Gi}]}
                  events:
                  - nodeDiskPressure: {at: %ds, capacity: 100Gi, available: 10Gi, evictionThreshold: 2Gi}
            spec:
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: hog
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {disk: [{from: 0s, bytes: 4Gi}]}
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
                    app: {disk: [{from: 0s, bytes: 6Gi}]}
            spec:
              priority: 100
              containers: [{name: app, image: busybox}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: modest
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {disk: [{from: 0s, bytes: 3Gi}]}
            spec:
              containers:
              - name: app
                image: busybox
                resources: {requests: {ephemeral-storage: 4Gi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: critical
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {disk: [{from: 0s, bytes: 1Mi}]}
            spec:
              priority: 2000000000
              containers: [{name: app, image: busybox}]
            """;

    private DiskTrials() {}

    static TraceEvent.PodEvicted evicted(long at) {
        return new TraceEvent.PodEvicted(at, "ephemeral-storage", "The node was low on resource: ephemeral-storage. ");
    }

    /** The pod evicted for disk pressure at {@code at}, its app ended and the pod Failed a second later. */
    static List<TraceEvent> evictedAndStopped(long at) {
        return PidTrials.stoppedAfter(evicted(at));
    }

    /** Every pod running from 1 s under pressure from {@code pressureAt} s, with these extra events by pod. */
    static Observed node(long pressureAt, Map<String, List<TraceEvent>> extra) {
        return PidTrials.observe(NODE.formatted(pressureAt), "big", List.of("hog", "vip", "modest", "critical"), extra);
    }
}
