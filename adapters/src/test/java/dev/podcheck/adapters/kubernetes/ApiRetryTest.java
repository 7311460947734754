package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiRetryTest {
    private final List<Long> sleeps = new ArrayList<>();
    private final ApiRetry retry = new ApiRetry(4, Duration.ofMillis(100), Duration.ofSeconds(1), sleeps::add,
            bound -> bound);

    /** A call that fails with {@code codes} in turn, then answers "ok". */
    private static java.util.function.Supplier<String> failing(AtomicInteger calls, int... codes) {
        return () -> {
            int n = calls.getAndIncrement();
            if (n < codes.length) {
                throw new KubernetesClientException("failed", codes[n], null);
            }
            return "ok";
        };
    }

    @Nested
    class Retried {
        @Test
        void should_retry_429_and_5xx_with_growing_waits_until_the_call_succeeds() {
            AtomicInteger calls = new AtomicInteger();

            String result = retry.call(failing(calls, 429, 500, 503));

            assertThat(result).isEqualTo("ok");
            assertThat(calls).hasValue(4);
            assertThat(sleeps).containsExactly(100L, 200L, 400L);
        }

        /** Seen on a node just started: every pod of a new namespace refused until the default account existed. */
        @Test
        void should_retry_a_pod_create_refused_because_the_namespace_has_no_default_service_account_yet() {
            AtomicInteger calls = new AtomicInteger();
            java.util.function.Supplier<String> create = () -> {
                if (calls.getAndIncrement() < 6) {
                    throw new KubernetesClientException("pods \"pod-1\" is forbidden: error looking up service account "
                            + "podcheck-r1/default: serviceaccount \"default\" not found", 403, null);
                }
                return "ok";
            };

            assertThat(retry.call(create)).isEqualTo("ok");
            assertThat(calls).hasValue(7);
        }

        @Test
        void should_give_up_after_the_last_attempt_with_the_last_failure() {
            AtomicInteger calls = new AtomicInteger();

            assertThatThrownBy(() -> retry.call(failing(calls, 503, 503, 503, 429, 500)))
                    .isInstanceOf(KubernetesClientException.class)
                    .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(429));
            assertThat(calls).hasValue(4);
        }

        @Test
        void should_wait_at_least_what_the_server_asked_in_retry_after_but_never_past_the_cap() {
            assertThat(retry.waitBefore(1, 0)).isEqualTo(100);
            assertThat(retry.waitBefore(1, 1)).isEqualTo(1000);
            assertThat(retry.waitBefore(1, 30)).isEqualTo(1000);
            assertThat(retry.waitBefore(10, 0)).isEqualTo(1000);
        }

        @Test
        void should_draw_each_wait_below_its_exponential_bound() {
            ApiRetry jittered = new ApiRetry(4, Duration.ofMillis(100), Duration.ofSeconds(1), sleeps::add,
                    bound -> bound - 1);

            assertThat(jittered.waitBefore(3, 0)).isEqualTo(399);
        }
    }

    @Nested
    class NotRetried {
        @Test
        void should_not_retry_a_client_error() {
            AtomicInteger calls = new AtomicInteger();

            assertThatThrownBy(() -> retry.call(failing(calls, 404))).isInstanceOf(KubernetesClientException.class);
            assertThat(calls).hasValue(1);
            assertThat(sleeps).isEmpty();
        }

        @Test
        void should_not_retry_a_failure_without_an_answer() {
            assertThat(ApiRetry.retriable(0)).isFalse();
            assertThat(ApiRetry.retriable(403)).isFalse();
            assertThat(ApiRetry.retriable(409)).isFalse();
        }
    }

    @Nested
    class AgainstTheMockApi {
        private final Namespace ns = new NamespaceBuilder().withNewMetadata().withName("podcheck-r1").endMetadata().build();

        @Test
        void should_create_through_a_429_and_a_500() throws TargetException {
            try (MockCluster cluster = new MockCluster()) {
                cluster.server().expect().post().withPath("/api/v1/namespaces")
                        .andReturn(429, new StatusBuilder().withCode(429).withMessage("too many requests").build()).once();
                cluster.server().expect().post().withPath("/api/v1/namespaces")
                        .andReturn(500, new StatusBuilder().withCode(500).withMessage("etcd hiccup").build()).once();

                cluster.api().call("create", c -> c.namespaces().resource(ns).create());

                assertThat(cluster.client().namespaces().withName("podcheck-r1").get()).isNotNull();
                assertThat(cluster.sleeps).hasSize(2);
            }
        }

        @Test
        void should_report_a_persistent_503_in_one_line_after_the_bounded_attempts() {
            try (MockCluster cluster = new MockCluster()) {
                cluster.server().expect().post().withPath("/api/v1/namespaces")
                        .andReturn(503, new StatusBuilder().withCode(503).withMessage("apiserver is shutting down").build())
                        .always();

                assertThatThrownBy(() -> cluster.api().call("create the run namespace x",
                        c -> c.namespaces().resource(ns).create()))
                        .isInstanceOf(TargetException.class)
                        .hasMessage("cannot create the run namespace x: the Kubernetes API answered 503"
                                + " (apiserver is shutting down)");
                assertThat(cluster.sleeps).hasSize(3);
            }
        }
    }
}
