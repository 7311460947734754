package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Duration;
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
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        // Reconnect a dropped watch after 50 ms rather than Fabric8's 1 s, so that tests run fast.
        client = ClusterConnection.client(new ConfigBuilder(server.createClient().getConfiguration())
                .withWatchReconnectInterval(50).build());
    }

    KubernetesMockServer server() {
        return server;
    }

    KubernetesClient client() {
        return client;
    }

    /** The target's API on the mock, whose retries record their waits instead of sleeping. */
    ClusterApi api() {
        return new ClusterApi(client, new ApiRetry(4, Duration.ofMillis(100), Duration.ofSeconds(2), sleeps::add,
                bound -> bound / 2));
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
