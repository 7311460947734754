package dev.podcheck.adapters.kubernetes;

import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import java.util.List;
import java.util.function.Function;

/**
 * List, then watch from the list's resourceVersion, for as long as a trial lasts: the pattern of
 * client-go's reflector (tools/cache/reflector.go ListAndWatch). A dropped connection is resumed by
 * Fabric8 from the last resourceVersion it delivered; when the server answers 410 Gone (that
 * version was compacted away) or Fabric8 gives up, the watch ends and this lists again, so the
 * listener sees the current state, and watches on from there.
 */
final class ResumableWatch<T extends HasMetadata, L extends KubernetesResourceList<T>> implements AutoCloseable {
    /** What the watch reports. Calls come one at a time. */
    interface Listener<T> {
        /** A watch event: ADDED, MODIFIED or DELETED (bookmarks and errors are not passed on). */
        void changed(Watcher.Action action, T object);

        /** A (re)list: every object there is now; one that was seen before and is missing has gone. */
        void relisted(List<T> current);

        /** Watching failed for good; the trial cannot be observed. */
        void lost(String why);
    }

    /** Lists in a row without a watch event between them before watching is given up. */
    static final int MAX_RELISTS = 5;

    private final ClusterApi api;
    private final String what;
    private final Function<KubernetesClient, FilterWatchListDeletable<T, L, ?>> scope;
    private final Listener<T> listener;
    private final Object lock = new Object();
    private Watch watch;
    private boolean closed;
    private int relistsInARow;

    /**
     * @param what  the watched objects in words, for messages ("pod x", "events of pod x")
     * @param scope the objects to list and watch, e.g. {@code c -> c.pods().inNamespace(ns).withField(...)}
     */
    ResumableWatch(ClusterApi api, String what, Function<KubernetesClient, FilterWatchListDeletable<T, L, ?>> scope,
                   Listener<T> listener) {
        this.api = api;
        this.what = what;
        this.scope = scope;
        this.listener = listener;
    }

    /** Lists and starts watching; returns once the watch is open. */
    void start() throws TargetException {
        listAndWatch();
    }

    private void listAndWatch() throws TargetException {
        L list = api.call("list " + what, c -> scope.apply(c).list());
        listener.relisted(list.getItems());
        String version = list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
        ListOptions from = new ListOptionsBuilder().withResourceVersion(version).build();
        Watch opened = api.call("watch " + what, c -> scope.apply(c).watch(from, new Resuming()));
        synchronized (lock) {
            if (closed) {
                opened.close();
            } else {
                watch = opened;
            }
        }
    }

    @Override
    public void close() {
        Watch w;
        synchronized (lock) {
            closed = true;
            w = watch;
        }
        if (w != null) {
            w.close();
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Fabric8 calls this one event at a time, on its own executor. */
    private final class Resuming implements Watcher<T> {
        @Override
        public void eventReceived(Action action, T object) {
            if (isClosed() || action == Action.BOOKMARK || action == Action.ERROR) {
                return;
            }
            relistsInARow = 0;
            listener.changed(action, object);
        }

        @Override
        public void onClose(WatcherException cause) {
            if (isClosed()) {
                return;
            }
            if (++relistsInARow > MAX_RELISTS) {
                listener.lost("the watch on " + what + " keeps failing: " + cause.getMessage());
                return;
            }
            try {
                listAndWatch();
            } catch (TargetException e) {
                listener.lost(e.getMessage());
            }
        }
    }
}
