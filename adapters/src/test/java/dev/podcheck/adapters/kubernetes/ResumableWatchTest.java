package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch a trial keeps on its pod, against the mock API in expectation mode (it can drop a watch and answer 410). */
class ResumableWatchTest {
    private static final String PODS = "/api/v1/namespaces/ns/pods?";
    private static final String LIST = PODS + "fieldSelector=metadata.name%3Dp";

    private final MockCluster cluster = new MockCluster();
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final ResumableWatch<Pod, PodList> watch = new ResumableWatch<>(cluster.api(), "pod p",
            c -> c.pods().inNamespace("ns").withField("metadata.name", "p"), new Recorder());

    @AfterEach
    void stop() {
        watch.close();
        cluster.close();
    }

    private static String watchFrom(String version) {
        return PODS + "allowWatchBookmarks=true&fieldSelector=metadata.name%3Dp&resourceVersion=" + version + "&watch=true";
    }

    private static Pod pod(String version, String phase) {
        return new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withResourceVersion(version)
                .endMetadata().withNewStatus().withPhase(phase).endStatus().build();
    }

    /** A watch that sends {@code events} and then ends, as a dropped connection does. */
    private void watchFrom(String version, WatchEvent... events) {
        var session = cluster.server().expect().get().withPath(watchFrom(version)).andUpgradeToWebSocket().open();
        for (WatchEvent e : events) {
            session = session.immediately().andEmit(Serialization.asJson(e));
        }
        session.done().once();
    }

    private static PodList list(String version, Pod... pods) {
        return new PodListBuilder().withNewMetadata().withResourceVersion(version).endMetadata().withItems(pods).build();
    }

    /** What the listener heard, as "relisted [v]", "MODIFIED v Running", ... */
    private final class Recorder implements ResumableWatch.Listener<Pod> {
        @Override
        public void changed(Watcher.Action action, Pod pod) {
            seen.add(action + " " + pod.getMetadata().getResourceVersion() + " " + pod.getStatus().getPhase());
        }

        @Override
        public void relisted(List<Pod> current) {
            seen.add("relisted " + current.stream().map(p -> p.getMetadata().getResourceVersion()).toList());
        }

        @Override
        public void lost(String why) {
            seen.add("lost " + why);
        }
    }

    private List<String> next(int n) throws InterruptedException {
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = seen.poll(20, TimeUnit.SECONDS);
            if (s == null) {
                break;
            }
            got.add(s);
        }
        return got;
    }

    private List<String> requestPaths() throws InterruptedException {
        int count = cluster.server().getRequestCount();
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            paths.add(cluster.server().takeRequest().getPath());
        }
        return paths;
    }

    @Test
    void should_resume_a_dropped_watch_from_the_last_resource_version_it_delivered() throws Exception {
        cluster.server().expect().get().withPath(LIST).andReturn(200, list("5")).once();
        watchFrom("5", new WatchEvent(pod("6", "Pending"), "ADDED"), new WatchEvent(pod("7", "Pending"), "MODIFIED"));
        watchFrom("7", new WatchEvent(pod("8", "Running"), "MODIFIED"));

        watch.start();

        assertThat(next(4)).containsExactly("relisted []", "ADDED 6 Pending", "MODIFIED 7 Pending", "MODIFIED 8 Running");
        assertThat(requestPaths()).containsSubsequence(LIST, watchFrom("5"), watchFrom("7"))
                .filteredOn(p -> p.startsWith(LIST) && !p.contains("watch")).hasSize(1);
    }

    @Test
    void should_list_again_and_watch_from_the_new_list_after_410_gone() throws Exception {
        cluster.server().expect().get().withPath(LIST).andReturn(200, list("5")).once();
        watchFrom("5", new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                .withMessage("too old resource version: 5 (9)").build(), "ERROR"));
        cluster.server().expect().get().withPath(LIST).andReturn(200, list("9", pod("9", "Running"))).once();
        watchFrom("9", new WatchEvent(pod("10", "Succeeded"), "MODIFIED"));

        watch.start();

        assertThat(next(3)).containsExactly("relisted []", "relisted [9]", "MODIFIED 10 Succeeded");
        assertThat(requestPaths()).containsSubsequence(LIST, watchFrom("5"), LIST, watchFrom("9"));
    }

    @Test
    void should_give_up_when_every_relist_is_answered_by_410_again() throws Exception {
        cluster.server().expect().get().withPath(LIST).andReturn(200, list("5")).always();
        cluster.server().expect().get().withPath(watchFrom("5")).andUpgradeToWebSocket().open().immediately()
                .andEmit(Serialization.asJson(new WatchEvent(new StatusBuilder().withCode(410).withMessage("gone").build(),
                        "ERROR"))).done().always();

        watch.start();

        List<String> heard = next(ResumableWatch.MAX_RELISTS + 2);
        assertThat(heard).hasSize(ResumableWatch.MAX_RELISTS + 2);
        assertThat(heard.get(heard.size() - 1)).isEqualTo("lost the watch on pod p keeps failing: gone");
        assertThat(heard.subList(0, heard.size() - 1)).containsOnly("relisted []");
    }

    @Test
    void should_deliver_nothing_after_close() throws TargetException, InterruptedException {
        cluster.server().expect().get().withPath(LIST).andReturn(200, list("5")).once();
        cluster.server().expect().get().withPath(watchFrom("5")).andUpgradeToWebSocket().open().waitFor(300)
                .andEmit(Serialization.asJson(new WatchEvent(pod("6", "Running"), "MODIFIED"))).done().once();

        watch.start();
        watch.close();

        assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("relisted []");
        assertThat(seen.poll(1, TimeUnit.SECONDS)).as(seen.stream().collect(Collectors.joining())).isNull();
    }
}
