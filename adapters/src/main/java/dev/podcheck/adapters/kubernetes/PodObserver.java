package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.adapters.report.ContainerReport;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.Watcher;
import dev.podcheck.conformance.api.Target.TargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What one trial sees of its pod: the pod's watch and its Events' watch turned into sightings
 * stamped with the trial clock when they arrive, the container reports found in termination
 * messages, and whether the trial is over early (the pod is gone, or it cannot run here).
 * Watch callbacks and the trial's own thread meet here under one lock.
 */
final class PodObserver implements AutoCloseable {
    private final TrialClock clock;
    private final String podName;
    private final PodHistory history;
    private final List<ResumableWatch<?, ?>> watches = new ArrayList<>();
    private int sandboxFailures;
    private String failure;

    PodObserver(TrialClock clock, String podName) {
        this.clock = clock;
        this.podName = podName;
        this.history = new PodHistory(podName);
    }

    /** Starts both watches before the pod exists, so that nothing after its creation is missed. */
    void watch(ClusterApi api, String namespace) throws TargetException {
        ResumableWatch<Pod, PodList> pod = new ResumableWatch<>(api, "pod " + podName,
                c -> c.pods().inNamespace(namespace).withField("metadata.name", podName), new PodListener());
        // The namespace's Events, kept to this pod's by KubeletEvents. No involvedObject.name field
        // selector: the run namespace holds only this run's pods, so the stream stays small, and
        // servers that know only name and namespace selectors (the Fabric8 mock) answer it with nothing.
        ResumableWatch<Event, EventList> evs = new ResumableWatch<>(api, "events of pod " + podName,
                c -> c.v1().events().inNamespace(namespace), new EventListener());
        synchronized (this) {
            watches.add(pod);
            watches.add(evs);
        }
        pod.start();
        evs.start();
    }

    /** The pod as an API answer showed it (the create call's response). */
    synchronized void podSeen(Pod pod, long at) {
        if (history.gone()) {
            return;
        }
        history.seen(pod, at);
        PendingTrouble.of(pod).ifPresent(this::fail);
        notifyAll();
    }

    synchronized void deletionSent(long at, long gracePeriodSeconds, boolean force) {
        history.add(new Sighting.DeletionSent(at, gracePeriodSeconds, force));
    }

    /** Report lines read from the containers' logs at the end. */
    synchronized void reportsRead(Collection<ContainerReport> read) {
        history.reportsRead(read);
    }

    synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        notifyAll();
    }

    /** Waits until the clock reads {@code until}, the pod is gone, or the trial failed. */
    synchronized void awaitUntil(long until) throws InterruptedException {
        while (!history.gone() && failure == null && clock.now() < until) {
            clock.waitOn(this, until);
        }
    }

    String podName() {
        return podName;
    }

    synchronized boolean gone() {
        return history.gone();
    }

    /** Why the trial cannot be trusted (unschedulable, image not pulled, watch lost), or null. */
    synchronized String failure() {
        return failure;
    }

    /** The pod as last seen, or null before it was. */
    synchronized Pod last() {
        return history.last();
    }

    /** Everything seen so far; reports last, each once. */
    synchronized List<Sighting> sightings() {
        return history.sightings();
    }

    @Override
    public void close() {
        List<ResumableWatch<?, ?>> open;
        synchronized (this) {
            open = List.copyOf(watches);
            watches.clear();
        }
        open.forEach(ResumableWatch::close);
    }

    private synchronized void podGone(long at) {
        if (history.goneAt(at)) {
            notifyAll();
        }
    }

    private final class PodListener implements ResumableWatch.Listener<Pod> {
        @Override
        public void changed(Watcher.Action action, Pod pod) {
            long at = clock.now();
            if (action == Watcher.Action.DELETED) {
                podSeen(pod, at);
                podGone(at);
            } else {
                podSeen(pod, at);
            }
        }

        @Override
        public void relisted(List<Pod> current) {
            long at = clock.now();
            current.stream().filter(p -> podName.equals(p.getMetadata().getName())).findFirst()
                    .ifPresentOrElse(p -> podSeen(p, at), () -> podGone(at));
        }

        @Override
        public void lost(String why) {
            fail(why);
        }
    }

    private final class EventListener implements ResumableWatch.Listener<Event> {
        @Override
        public void changed(Watcher.Action action, Event event) {
            if (action != Watcher.Action.DELETED) {
                seen(List.of(event));
            }
        }

        @Override
        public void relisted(List<Event> current) {
            seen(current);
        }

        @Override
        public void lost(String why) {
            fail(why);
        }

        private void seen(List<Event> list) {
            long at = clock.now();
            synchronized (PodObserver.this) {
                for (Event e : list) {
                    List<Sighting.EventSeen> seen = history.event(e, at);
                    for (Sighting.EventSeen occurrence : seen) {
                        if ("FailedCreatePodSandBox".equals(occurrence.reason())) {
                            sandboxFailures++;
                            PendingTrouble.sandbox(history.last(), sandboxFailures, occurrence.message()).ifPresent(PodObserver.this::fail);
                        }
                    }
                }
                PodObserver.this.notifyAll();
            }
        }
    }
}
