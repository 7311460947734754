package dev.podcheck.engine.bench;

/**
 * The most probe work a pod asks of the engine: three containers, each with startup, liveness and
 * readiness probes every second. All checks pass, so nothing restarts and every probe keeps
 * running for the whole horizon.
 */
final class WorstCaseScenario {
    private WorstCaseScenario() {}

    static final String YAML = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: probed
            spec:
              containers:
              - name: a
                image: busybox:1.36
                startupProbe: {exec: {command: ["true"]}, periodSeconds: 1}
                livenessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
                readinessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
              - name: b
                image: busybox:1.36
                startupProbe: {exec: {command: ["true"]}, periodSeconds: 1}
                livenessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
                readinessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
              - name: c
                image: busybox:1.36
                startupProbe: {exec: {command: ["true"]}, periodSeconds: 1}
                livenessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
                readinessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
            """;
}
