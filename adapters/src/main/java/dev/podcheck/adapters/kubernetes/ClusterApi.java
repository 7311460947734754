package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.behaviour.Durations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The client with the target's three rules for every request: retried by {@link ApiRetry}, done
 * within a deadline, and a failure turned into a one-line {@link TargetException} that says what
 * podcheck was doing. The deadline covers the whole call, retries, a watch's start and the reading
 * of a body included: Fabric8 waits for a watch to open without a limit, and the JDK's request
 * timeout ends at the response headers, so a server that sends headers and then a byte a second
 * would otherwise hold a trial for ever.
 */
final class ClusterApi {
    /** Default deadline of one call: the default --trial-timeout. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    /** Calls run here so that the caller can stop waiting; daemon threads, so a stuck one never holds the JVM. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "podcheck-api-call");
        t.setDaemon(true);
        return t;
    });

    private final KubernetesClient client;
    private final ApiRetry retry;
    private final Duration deadline;

    ClusterApi(KubernetesClient client, ApiRetry retry) {
        this(client, retry, DEFAULT_DEADLINE);
    }

    ClusterApi(KubernetesClient client, ApiRetry retry, Duration deadline) {
        this.client = client;
        this.retry = retry;
        this.deadline = deadline;
    }

    /** {@code call} on the client, retried, within the deadline; {@code doing} completes "cannot ..." in the message. */
    <T> T call(String doing, Function<KubernetesClient, T> call) throws TargetException {
        Future<T> answer = CALLS.submit(() -> retry.call(() -> call.apply(client)));
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new TargetException("cannot " + doing + ": the Kubernetes API at " + server() + " did not answer within "
                    + Durations.format(deadline) + " (--trial-timeout)", null);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while trying to " + doing, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KubernetesClientException k) {
                throw ApiErrors.failure(doing, server(), k);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
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
