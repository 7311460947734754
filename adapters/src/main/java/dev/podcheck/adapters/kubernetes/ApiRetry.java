package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Every API call of the Kubernetes target goes through here: a 429 (the apiserver's priority and
 * fairness, or a webhook, asks us to slow down) or a 5xx is retried a bounded number of times with
 * exponential back-off and full jitter, honouring a Retry-After the server sent. Fabric8's own
 * request retry is switched off ({@link ClusterConnection}): it retries 5xx and I/O errors but
 * not 429, and two retry loops would multiply each other.
 */
final class ApiRetry {
    /** How the wait is spent; tests record it instead of sleeping. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static final ApiRetry DEFAULT = new ApiRetry(5, Duration.ofMillis(200), Duration.ofSeconds(5), Thread::sleep,
            bound -> (long) (Math.random() * bound));

    private final int attempts;
    private final long baseMillis;
    private final long capMillis;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;

    /**
     * @param attempts how many calls at most (the first one included)
     * @param jitter   a draw in [0, bound) for a back-off bound
     */
    ApiRetry(int attempts, Duration base, Duration cap, Sleeper sleeper, LongUnaryOperator jitter) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, got " + attempts);
        }
        this.attempts = attempts;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /** The call's result; the last failure when every attempt failed or the failure is not worth a retry. */
    <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (KubernetesClientException e) {
                boolean accountNotYet = serviceAccountNotYet(e);
                if (attempt >= (accountNotYet ? SERVICE_ACCOUNT_ATTEMPTS : attempts)
                        || !(retriable(e.getCode()) || accountNotYet)) {
                    throw e;
                }
                pause(waitBefore(attempt, retryAfterSeconds(e)), e);
            }
        }
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    static boolean retriable(int code) {
        return code == 429 || code >= 500;
    }

    /**
     * How often a pod create is tried while its namespace has no default ServiceAccount yet: the
     * ServiceAccount admission plugin refuses pods (403, "error looking up service account") until the
     * controller-manager made it, which on a node just started took over ten seconds. The call's
     * deadline (--trial-timeout) bounds the whole wait.
     */
    static final int SERVICE_ACCOUNT_ATTEMPTS = 40;

    /** The 403 of a namespace whose default ServiceAccount does not exist yet (plugin/pkg/admission/serviceaccount). */
    static boolean serviceAccountNotYet(KubernetesClientException e) {
        return e.getCode() == 403 && e.getMessage() != null && e.getMessage().contains("error looking up service account");
    }

    /** Full jitter over an exponential bound (base * 2^(attempt-1), capped); never shorter than Retry-After. */
    long waitBefore(int attempt, long retryAfterSeconds) {
        long bound = Math.min(capMillis, baseMillis << Math.min(attempt - 1, 20));
        return Math.max(jitter.applyAsLong(bound), Math.min(capMillis, retryAfterSeconds * 1000));
    }

    private void pause(long millis, KubernetesClientException cause) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private static long retryAfterSeconds(KubernetesClientException e) {
        return Optional.ofNullable(e.getStatus()).map(Status::getDetails).map(StatusDetails::getRetryAfterSeconds)
                .orElse(0);
    }
}
