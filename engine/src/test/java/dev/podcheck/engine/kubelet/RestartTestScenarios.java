package dev.podcheck.engine.kubelet;

/** Scenarios shared by the restart tests. */
public final class RestartTestScenarios {
    private RestartTestScenarios() {}

    /** One container that exits with {@code exitCode} a second after each start. */
    public static String crashing(String restartPolicy, int exitCode) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: crasher
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {exit: {after: 1s, code: %d}}
                spec:
                  restartPolicy: %s
                  containers:
                  - {name: app, image: busybox:1.36}
                """.formatted(exitCode, restartPolicy);
    }
}
