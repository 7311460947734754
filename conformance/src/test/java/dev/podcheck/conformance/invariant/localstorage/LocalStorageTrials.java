package dev.podcheck.conformance.invariant.localstorage;

import dev.podcheck.spec.trace.TraceEvent;

/** A pod with two containers under 100Mi ephemeral-storage limits each, and the events its hand-built traces hold. */
final class LocalStorageTrials {
    /** a writes 10Mi from its start; b writes {@code bDisk} from 5 s after its start. */
    static String pod(String bDisk, String priority) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: writer
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        a: {disk: [{from: 0s, bytes: 10Mi}]}
                        b: {disk: [{from: 5s, bytes: %s}]}
                spec:
                  %s
                  containers:
                  - {name: a, image: busybox, resources: {limits: {ephemeral-storage: 100Mi}}}
                  - {name: b, image: busybox, resources: {limits: {ephemeral-storage: 100Mi}}}
                """.formatted(bDisk, priority);
    }

    static final String POD_MESSAGE = "Pod ephemeral local storage usage exceeds the total limit of containers 200Mi. ";
    static final String B_MESSAGE = "Container b exceeded its local ephemeral storage limit \"100Mi\". ";

    private LocalStorageTrials() {}

    static TraceEvent started(long at, String container) {
        return new TraceEvent.KubeletEvent(at, "Started", container, "Started container " + container);
    }

    static TraceEvent evicted(long at, String message) {
        return new TraceEvent.PodEvicted(at, "ephemeral-storage", message);
    }
}
