package dev.podcheck.adapters.observe;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.admission.GracefulDeletion;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a pod's trace from what a real target saw of it, so that a cluster's or podman's pod
 * reads like the engine's: the same events, in the order the engine records the same facts.
 * <ul>
 *   <li>PodCreated first, at 0, with the QoS class of the first snapshot; then per snapshot what
 *       changed (see {@link SnapshotDiff}), with times sharpened by the reports ({@link StatusReader});</li>
 *   <li>an Event is a KubeletEvent; a DeletionSent a DeletionRequested with the grace and
 *       deletionTimestamp the apiserver settles on ({@link GracefulDeletion}), none when it changes
 *       nothing; PodGone is PodRemoved;</li>
 *   <li>the pod is evicted (PodEvicted) at the first Evicted event or, without events, at the
 *       first snapshot with reason Evicted; the resource is the one the kubelet's message names, or
 *       ephemeral-storage for a local storage limit's message;</li>
 *   <li>report lines: hook-start and hook-end are HookStarted and HookFinished, sigterm is
 *       SignalSent(SIGTERM), probe is ProbeResult; start and exit lines sharpen times only;</li>
 *   <li>inferred (see {@link Endings}, {@link MissedInstances}): SIGKILLs, hooks that died with their
 *       container, instances a watch skipped; each first among the sightings of its millisecond.</li>
 * </ul>
 * Sightings may come in any order; they are sorted by time, stably, so sightings of one
 * millisecond keep the order the target gave them. Times are ms since the pod's creation and
 * never go back: an event stamped earlier than the one before it takes that one's time.
 *
 * <p>Stability: experimental.
 */
public final class TraceBuilder {
    /** helpers.go evictionMessage: "The node was low on resource: memory. ..." */
    private static final Pattern EVICTED_RESOURCE = Pattern.compile("low on resource: ([^.\\s]+)");
    /** eviction_manager.go's local storage limit messages (SEMANTICS LS-1): the emptyDir, pod and container ones. */
    private static final Pattern LOCAL_STORAGE = Pattern.compile("^(Usage of EmptyDir volume .* exceeds the limit |Pod "
            + "ephemeral local storage usage exceeds |Container .* exceeded its local ephemeral storage limit )");
    private static final String EPHEMERAL_STORAGE = "ephemeral-storage";

    private final PodClock clock;
    private final SnapshotDiff diff;
    private final List<TraceEvent> events = new ArrayList<>();
    private long last;
    private boolean evicted;
    private boolean gone;
    /** The pod's phase as last seen: the apiserver deletes a terminal pod at once. */
    private PodPhase phase;
    /** What the apiserver holds of the pod's deletion, so that a DELETE that changes nothing adds nothing. */
    private GracefulDeletion deletion;

    private TraceBuilder(PodClock clock, SnapshotDiff diff) {
        this.clock = clock;
        this.diff = diff;
    }

    /**
     * @param podCreatedEpochMillis when the pod was created (trace time 0), ms since the epoch
     * @throws IllegalArgumentException when no sighting shows the pod itself
     */
    public static Trace build(long podCreatedEpochMillis, List<Sighting> sightings) {
        List<Sighting> sorted = sightings.stream().sorted(Comparator.comparingLong(Sighting::epochMillis)).toList();
        Sighting.PodSeen first = sorted.stream().filter(Sighting.PodSeen.class::isInstance)
                .map(Sighting.PodSeen.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trace without the pod: none of the "
                        + sightings.size() + " sightings shows the pod object"));
        PodClock clock = new PodClock(podCreatedEpochMillis);
        Reports reports = Reports.of(sorted);
        Endings endings = Endings.of(sorted, reports);
        List<Placement.Inferred<Step>> inferred = new ArrayList<>(endings.inferred());
        inferred.addAll(MissedInstances.of(sorted, reports, clock));
        List<Step> observed = sorted.stream().<Step>map(Step.Observed::new).toList();
        TraceBuilder builder = new TraceBuilder(clock, new SnapshotDiff(new StatusReader(clock, reports, endings)));
        builder.events.add(new TraceEvent.PodCreated(0, first.pod().qosClass()));
        Placement.merge(observed, Step::epochMillis, inferred).forEach(builder::step);
        return new Trace(builder.events);
    }

    private void step(Step step) {
        long at = Math.max(last, clock.toTrace(step.epochMillis()));
        last = at;
        if (step instanceof Step.Inferred inferred) {
            events.add(inferred.event().apply(at));
        } else if (step instanceof Step.Observed observed) {
            sighting(at, observed.sighting());
        }
    }

    private void sighting(long at, Sighting sighting) {
        if (sighting instanceof Sighting.PodSeen seen) {
            if (seen.pod().reason().equals(Snapshots.EVICTED)) {
                evicted(at, seen.pod().message());
            }
            diff.changes(at, seen.pod(), events);
            phase = seen.pod().phase();
        } else if (sighting instanceof Sighting.EventSeen event) {
            if (event.reason().equals(Snapshots.EVICTED) && event.container().isEmpty()) {
                evicted(at, event.message());
            }
            events.add(new TraceEvent.KubeletEvent(at, event.reason(), event.container(), event.message()));
        } else if (sighting instanceof Sighting.ReportSeen report) {
            report(at, report.report());
        } else if (sighting instanceof Sighting.DeletionSent delete && !gone) {
            GracefulDeletion next = GracefulDeletion.after(deletion, at, delete.gracePeriodSeconds(), delete.force(),
                    delete.gracePeriodSeconds(), phase != null && phase.isTerminal());
            if (next != null) {
                deletion = next;
                events.add(new TraceEvent.DeletionRequested(at, next.gracePeriodSeconds(), delete.force(),
                        next.deletionTimestampMillis()));
            }
        } else if (sighting instanceof Sighting.PodGone && !gone) {
            gone = true;
            events.add(new TraceEvent.PodRemoved(at));
        }
    }

    private void evicted(long at, String message) {
        if (!evicted) {
            evicted = true;
            Matcher m = EVICTED_RESOURCE.matcher(message);
            String resource = m.find() ? m.group(1) : LOCAL_STORAGE.matcher(message).find() ? EPHEMERAL_STORAGE : "";
            events.add(new TraceEvent.PodEvicted(at, resource, message));
        }
    }

    private void report(long at, ContainerReport r) {
        String container = r.container();
        switch (r.kind()) {
            case HOOK_START, HOOK_END -> {
                Hook hook = Reports.hook(r);
                if (hook != null) {
                    events.add(r.kind() == ContainerReport.Kind.HOOK_START
                            ? new TraceEvent.HookStarted(at, container, hook)
                            : new TraceEvent.HookFinished(at, container, hook, Reports.hookFailed(r)));
                }
            }
            case SIGTERM -> events.add(new TraceEvent.SignalSent(at, container, TraceEvent.Signal.SIGTERM));
            case PROBE -> {
                ProbeKind probe = Reports.probe(r);
                if (probe != null) {
                    events.add(new TraceEvent.ProbeResult(at, container, probe, Reports.probePassed(r)));
                }
            }
            case START, EXIT -> { } // they sharpen status times (StatusReader) and tell how instances ended (Endings)
        }
    }
}
