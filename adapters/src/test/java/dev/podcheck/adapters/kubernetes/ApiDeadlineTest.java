package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.podcheck.adapters.TargetArgs;
import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every API call has a deadline (the target's --trial-timeout): a watch that never starts, or a
 * body that comes a byte a second, ends the call as a TargetException naming the wait, which makes
 * the trial inconclusive with that cause instead of blocking the run forever.
 */
class ApiDeadlineTest {
    private final StallingApiServer server = new StallingApiServer();
    private final KubernetesClient client = ClusterConnection.client(new ConfigBuilder(Config.empty())
            .withMasterUrl(server.url()).build());
    private final ClusterApi api = new ClusterApi(client, new ApiRetry(1, Duration.ofMillis(1), Duration.ofMillis(1),
            ms -> {}, bound -> 0), Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void should_end_a_list_whose_body_trickles_in_at_its_deadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> api.call("list pods in x", c -> c.pods().inNamespace("x").list()))
                        .isInstanceOf(TargetException.class)
                        .hasMessage("cannot list pods in x: the Kubernetes API at " + server.url()
                                + "/ did not answer within 1s (--trial-timeout)"));
    }

    @Test
    void should_end_a_watch_that_never_starts_at_its_deadline() {
        Watcher<Pod> ignore = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod resource) {}

            @Override
            public void onClose(WatcherException cause) {}
        };

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> api.call("watch pods in x", c -> c.pods().inNamespace("x").watch(ignore)))
                        .isInstanceOf(TargetException.class)
                        .hasMessageContaining("did not answer within 1s"));
    }

    @Test
    void should_take_its_deadline_from_the_trial_timeout() {
        KubernetesTargetProvider provider = new KubernetesTargetProvider();
        TargetArgs.apply(provider, "--trial-timeout", "45s");

        assertThat(provider.options.callDeadline()).isEqualTo(Duration.ofSeconds(45));
    }
}
