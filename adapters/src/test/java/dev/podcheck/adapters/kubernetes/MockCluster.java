package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The Fabric8 mock API server in CRUD mode, where expectations set with {@link #server()} answer
 * first (to inject a 429, a dropped watch or a 410), and the client the target would use on it.
 * Known gaps of the mock: a graceful delete removes the object at once with no deletionTimestamp;
 * only metadata.name and metadata.namespace field selectors work; an update also overwrites status.
 */
final class MockCluster implements AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    final List<Long> sleeps = new ArrayList<>();

    MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new WatchCloseOffLoop(new PodCreation(new KubernetesMixedDispatcher(responses))), false);
        server.init();
        // Reconnect a dropped watch after 50 ms rather than Fabric8's 1 s, so that tests run fast.
        client = ClusterConnection.client(new ConfigBuilder(server.createClient().getConfiguration())
                .withWatchReconnectInterval(50).build());
    }

    /**
     * What the apiserver adds to a pod it creates and the mock does not: status.qosClass
     * (pkg/registry/core/pod/strategy.go PrepareForCreate), set in the request before the mock stores it.
     */
    void onPodCreate(UnaryOperator<Pod> apiserver) {
        this.onPodCreate = apiserver;
    }

    private volatile UnaryOperator<Pod> onPodCreate = UnaryOperator.identity();

    private final class PodCreation extends Dispatcher {
        private final Dispatcher next;

        PodCreation(Dispatcher next) {
            this.next = next;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.method() != HttpMethod.POST || !request.getPath().matches("/api/v1/namespaces/[^/]+/pods")) {
                return next.dispatch(request);
            }
            Pod pod = onPodCreate.apply(Serialization.unmarshal(request.getUtf8Body(), Pod.class));
            return next.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                    request.getHeaders(), new Buffer(Serialization.asJson(pod).getBytes(StandardCharsets.UTF_8))));
        }

        @Override
        public void shutdown() {
            next.shutdown();
        }
    }

    KubernetesMockServer server() {
        return server;
    }

    /**
     * Answers GET /version with {@code body} and {@code status} instead of the mock's own 0.0. Call it
     * first: it clears the expectations set before (the mock's own answer is one).
     */
    void version(int status, String body) {
        server.clearExpectations();
        server.expect().get().withPath("/version").andReturn(status, body).always();
    }

    KubernetesClient client() {
        return client;
    }

    /** The target's API on the mock, whose retries record their waits instead of sleeping. */
    ClusterApi api() {
        return api(client);
    }

    /** The same on a client of its own, for a target that closes its client when it is closed. */
    ClusterApi ownApi() {
        return api(ClusterConnection.client(client.getConfiguration()));
    }

    private ClusterApi api(KubernetesClient on) {
        return new ClusterApi(on, new ApiRetry(4, Duration.ofMillis(100), Duration.ofSeconds(2), sleeps::add,
                bound -> bound / 2));
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
