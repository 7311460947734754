package dev.podcheck.adapters.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig with two contexts on two loopback servers: "a" (current) whose user holds the token
 * {@value #TOKEN_A}, and "b" whose user holds no credentials at all. A request for context b that
 * carries token-a is the leak the credentials rule forbids.
 */
final class TwoContexts {
    static final String TOKEN_A = "token-a";

    private TwoContexts() {}

    static Path write(Path file, LoopbackApiServer a, LoopbackApiServer b) throws IOException {
        return write(file, a, b, "");
    }

    /** With {@code clusterExtra} added to cluster b's fields (e.g. "insecure-skip-tls-verify: true"). */
    static Path write(Path file, LoopbackApiServer a, LoopbackApiServer b, String clusterBExtra) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: a
                  cluster:
                    server: "%s"
                    certificate-authority-data: %s
                - name: b
                  cluster:
                    server: "%s"
                    certificate-authority-data: %s
                    %s
                users:
                - name: alice
                  user: {token: %s}
                - name: bob
                  user: {}
                contexts:
                - name: a
                  context: {cluster: a, user: alice, namespace: ns-a}
                - name: b
                  context: {cluster: b, user: bob, namespace: ns-b}
                current-context: a
                """.formatted(a.url(), a.caData(), b.url(), b.caData(), clusterBExtra, TOKEN_A));
    }
}
