package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * One line that names why an API call failed, for a user who sees no stack trace: the cluster
 * cannot be reached, TLS verification failed, the credentials were refused, the identity lacks a
 * permission (pointing at deploy/rbac.yaml), or the apiserver's own message.
 */
final class ApiErrors {
    private ApiErrors() {}

    /** The failure as an inconclusive trial or a refused run, with the one-line message. */
    static TargetException failure(String doing, String server, KubernetesClientException e) {
        return new TargetException(message(doing, server, e), e);
    }

    static String message(String doing, String server, KubernetesClientException e) {
        Throwable network = networkCause(e);
        if (network instanceof SSLException) {
            return "cannot " + doing + ": TLS verification of the Kubernetes API at " + server + " failed ("
                    + network.getMessage() + "); the kubeconfig's certificate authority decides what is trusted";
        }
        if (network != null) {
            return "cannot " + doing + ": the Kubernetes API at " + server + " cannot be reached ("
                    + network.getClass().getSimpleName() + (network.getMessage() == null ? "" : ": " + network.getMessage())
                    + ")";
        }
        return switch (e.getCode()) {
            case 401 -> "cannot " + doing + ": the Kubernetes API at " + server
                    + " refused the credentials (401 Unauthorized); check the kubeconfig's user";
            case 403 -> "cannot " + doing + ": forbidden (" + statusMessage(e)
                    + "); deploy/rbac.yaml lists the permissions podcheck needs";
            case 0 -> "cannot " + doing + ": " + statusMessage(e);
            default -> "cannot " + doing + ": the Kubernetes API answered " + e.getCode() + " (" + statusMessage(e) + ")";
        };
    }

    private static String statusMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** The connection-level cause of a failure, or null when the API answered. */
    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException
                    || t instanceof HttpTimeoutException) {
                return t;
            }
        }
        return null;
    }
}
