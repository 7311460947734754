package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.conformance.api.Target.TargetException;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Watches the pods of one namespace (or all) that match a label selector, and their Events, with the
 * same list-and-watch a trial uses, keeping a {@link PodHistory} per pod instance (uid). It only
 * lists and watches: nothing is ever written.
 *
 * <p>A pod already there when the audit begins is seen from the first list on: its Events up to then
 * are counted as known, not as sightings (they happened at times nobody saw). A deletion shows as the
 * pod's deletionTimestamp and deletionGracePeriodSeconds: the DELETE came grace seconds before the
 * timestamp, to the API's second. Watch callbacks and the caller meet under this object's lock.
 */
final class ClusterAudit implements AutoCloseable {
    /** One pod instance watched: its history, and whether it was seen from its creation. */
    record Seen(PodHistory history, boolean fromCreation, long createdEpochMillis, Long goneEpochMillis) {}

    private record Early(Event event, long at) {}

    private final ClusterApi api;
    private final TrialClock clock;
    private final String namespace;
    private final String selector;
    private final boolean sinceNow;
    private final Map<String, PodHistory> byUid = new LinkedHashMap<>();
    private final Set<String> fromCreation = new HashSet<>();
    private final Set<String> skipped = new HashSet<>();
    private final Map<String, Long> deletions = new HashMap<>();
    private final Map<String, Long> goneAt = new HashMap<>();
    /** Events that came before their pod's first sighting (two streams, no order between them). */
    private final Map<String, List<Early>> early = new HashMap<>();
    private final List<ResumableWatch<?, ?>> watches = new ArrayList<>();
    private long began;
    private boolean listingEvents;
    private String failure;

    /**
     * @param namespace the namespace, or null for all of them
     * @param selector  a label selector, or null
     * @param sinceNow  leave out pods created before the audit began
     */
    ClusterAudit(ClusterApi api, TrialClock clock, String namespace, String selector, boolean sinceNow) {
        this.api = api;
        this.clock = clock;
        this.namespace = namespace;
        this.selector = selector;
        this.sinceNow = sinceNow;
    }

    /** Lists and starts watching: pods first, so that the Events listed next find the pods they are about. */
    void start() throws TargetException {
        synchronized (this) {
            began = clock.now();
        }
        ResumableWatch<Pod, PodList> pods = new ResumableWatch<>(api, "pods" + where(), this::pods, new PodListener());
        ResumableWatch<Event, EventList> events = new ResumableWatch<>(api, "events" + where(),
                c -> namespace == null ? c.v1().events().inAnyNamespace() : c.v1().events().inNamespace(namespace),
                new EventListener());
        synchronized (this) {
            watches.add(pods);
            watches.add(events);
        }
        pods.start();
        synchronized (this) {
            listingEvents = true;
        }
        events.start();
        synchronized (this) {
            listingEvents = false;
        }
    }

    private FilterWatchListDeletable<Pod, PodList, ?> pods(KubernetesClient c) {
        var scoped = namespace == null ? c.pods().inAnyNamespace() : c.pods().inNamespace(namespace);
        return selector == null ? scoped : scoped.withLabelSelector(selector);
    }

    private String where() {
        return (namespace == null ? " in every namespace" : " in namespace " + namespace)
                + (selector == null ? "" : " with labels " + selector);
    }

    /** Waits until the clock reads {@code until} or watching failed. */
    synchronized void awaitUntil(long until) throws InterruptedException {
        while (failure == null && clock.now() < until) {
            clock.waitOn(this, until);
        }
    }

    /** Why watching failed for good, or null. */
    synchronized String failure() {
        return failure;
    }

    synchronized long began() {
        return began;
    }

    /** Pods seen but left out by --since-now. */
    synchronized int skipped() {
        return skipped.size();
    }

    /** Every pod instance watched, in the order first seen. */
    synchronized List<Seen> seen() {
        List<Seen> all = new ArrayList<>();
        byUid.forEach((uid, h) -> all.add(new Seen(h, fromCreation.contains(uid),
                orZero(PodSightings.epochMillis(h.last().getMetadata().getCreationTimestamp())), goneAt.get(uid))));
        return all;
    }

    /** How many sightings have come in so far (tests wait on it). */
    synchronized int sightingsSoFar() {
        return byUid.values().stream().mapToInt(h -> h.sightings().size()).sum();
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

    private synchronized void podSeen(Pod pod, long at, boolean removed) {
        String uid = pod.getMetadata().getUid();
        PodHistory history = byUid.get(uid);
        if (history == null) {
            if (skipped.contains(uid)) {
                return;
            }
            long created = orZero(PodSightings.epochMillis(pod.getMetadata().getCreationTimestamp()));
            // creationTimestamp is cut to the second: a pod created in the audit's first second counts as new.
            boolean isNew = created >= began - began % 1000;
            if (sinceNow && !isNew) {
                skipped.add(uid);
                return;
            }
            history = new PodHistory(pod.getMetadata().getName());
            byUid.put(uid, history);
            if (isNew) {
                fromCreation.add(uid);
            }
        }
        history.seen(pod, at);
        deletion(uid, pod, history);
        for (Early e : early.getOrDefault(uid, List.of())) {
            history.event(e.event(), e.at());
        }
        early.remove(uid);
        if (removed && history.goneAt(at)) {
            goneAt.put(uid, at);
        }
        notifyAll();
    }

    /** A new or shortened deletion: the DELETE came its grace before the deletionTimestamp. */
    private void deletion(String uid, Pod pod, PodHistory history) {
        Long timestamp = PodSightings.epochMillis(pod.getMetadata().getDeletionTimestamp());
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        if (timestamp == null || grace == null || Objects.equals(deletions.get(uid), timestamp)) {
            return;
        }
        deletions.put(uid, timestamp);
        history.add(new Sighting.DeletionSent(timestamp - grace * 1000, grace, grace == 0));
    }

    private synchronized void relisted(List<Pod> current, long at) {
        Set<String> there = new HashSet<>();
        current.forEach(p -> there.add(p.getMetadata().getUid()));
        current.forEach(p -> podSeen(p, at, false));
        byUid.forEach((uid, h) -> {
            if (!there.contains(uid) && h.goneAt(at)) {
                goneAt.put(uid, at);
            }
        });
        notifyAll();
    }

    private synchronized void eventSeen(Event event, long at) {
        ObjectReference about = event.getInvolvedObject();
        if (about == null || !"Pod".equals(about.getKind()) || about.getUid() == null) {
            return;
        }
        PodHistory history = byUid.get(about.getUid());
        if (history == null) {
            if (!skipped.contains(about.getUid())) {
                early.computeIfAbsent(about.getUid(), u -> new ArrayList<>()).add(new Early(event, at));
            }
        } else if (listingEvents && !fromCreation.contains(about.getUid())) {
            history.eventBefore(event);
        } else {
            history.event(event, at);
        }
        notifyAll();
    }

    private synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        notifyAll();
    }

    private static long orZero(Long millis) {
        return millis == null ? 0 : millis;
    }

    private final class PodListener implements ResumableWatch.Listener<Pod> {
        @Override
        public void changed(Watcher.Action action, Pod pod) {
            podSeen(pod, clock.now(), action == Watcher.Action.DELETED);
        }

        @Override
        public void relisted(List<Pod> current) {
            ClusterAudit.this.relisted(current, clock.now());
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
                eventSeen(event, clock.now());
            }
        }

        @Override
        public void relisted(List<Event> current) {
            long at = clock.now();
            current.forEach(e -> eventSeen(e, at));
        }

        @Override
        public void lost(String why) {
            fail(why);
        }
    }
}
