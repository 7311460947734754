package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.adapters.report.ContainerReport;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What has been seen of one pod object through the API: each snapshot, each occurrence of its Events
 * ({@link KubeletEvents}), the reports its termination messages carry, and its removal; the sightings a
 * trace is built from. What a trial's pod and an audited pod share. Not thread-safe: its owner calls it
 * under its own lock.
 */
final class PodHistory {
    private final KubeletEvents events;
    private final List<Sighting> sightings = new ArrayList<>();
    private final Set<ContainerReport> reports = new LinkedHashSet<>();
    private Pod first;
    private Pod last;
    private boolean gone;

    PodHistory(String podName) {
        this.events = new KubeletEvents(podName);
    }

    /** The pod as the API showed it at {@code at}; nothing once it is gone. */
    void seen(Pod pod, long at) {
        if (gone) {
            return;
        }
        first = first == null ? pod : first;
        last = pod;
        events.podUid(pod.getMetadata().getUid());
        sightings.add(new Sighting.PodSeen(at, PodSightings.snapshot(pod)));
        reports.addAll(PodSightings.terminationReports(pod));
    }

    /** The occurrences {@code event} adds (none when it is another pod's, or counted before). */
    List<Sighting.EventSeen> event(Event event, long at) {
        List<Sighting.EventSeen> seen = events.occurrences(event, at);
        sightings.addAll(seen);
        return seen;
    }

    /** Counts {@code event}'s occurrences so far as known, without sightings: they happened before anyone watched. */
    void eventBefore(Event event) {
        events.occurrences(event, 0);
    }

    void add(Sighting sighting) {
        sightings.add(sighting);
    }

    void reportsRead(Collection<ContainerReport> read) {
        reports.addAll(read);
    }

    /** The pod is gone from the API at {@code at}: true the first time, once it had been seen. */
    boolean goneAt(long at) {
        if (last == null || gone) {
            return false;
        }
        gone = true;
        sightings.add(new Sighting.PodGone(at));
        return true;
    }

    boolean gone() {
        return gone;
    }

    /** The pod as first seen, or null before it was. */
    Pod first() {
        return first;
    }

    /** The pod as last seen, or null before it was. */
    Pod last() {
        return last;
    }

    /** Everything seen so far; reports last, each once. */
    List<Sighting> sightings() {
        List<Sighting> all = new ArrayList<>(sightings);
        reports.forEach(r -> all.add(new Sighting.ReportSeen(r)));
        return all;
    }
}
