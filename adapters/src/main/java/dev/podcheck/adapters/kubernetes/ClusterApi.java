package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Function;

/**
 * The client with the target's two rules for every request: retried by {@link ApiRetry}, and a
 * failure turned into a one-line {@link TargetException} that says what podcheck was doing.
 */
final class ClusterApi {
    private final KubernetesClient client;
    private final ApiRetry retry;

    ClusterApi(KubernetesClient client, ApiRetry retry) {
        this.client = client;
        this.retry = retry;
    }

    /** {@code call} on the client, retried; {@code doing} completes "cannot ..." in the message. */
    <T> T call(String doing, Function<KubernetesClient, T> call) throws TargetException {
        try {
            return retry.call(() -> call.apply(client));
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure(doing, server(), e);
        }
    }

    /**
     * Like {@link #call}, but an answer with one of {@code codes} is a result, {@code otherwise}: a
     * 404 for something already gone, a 409 for something that exists, a 400 for a log not there.
     */
    <T> T callOr(String doing, Function<KubernetesClient, T> call, T otherwise, int... codes) throws TargetException {
        return call(doing, c -> {
            try {
                return call.apply(c);
            } catch (KubernetesClientException e) {
                for (int code : codes) {
                    if (e.getCode() == code) {
                        return otherwise;
                    }
                }
                throw e;
            }
        });
    }

    KubernetesClient client() {
        return client;
    }

    String server() {
        return client.getConfiguration().getMasterUrl();
    }
}
