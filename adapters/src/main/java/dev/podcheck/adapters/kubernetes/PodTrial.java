package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.adapters.observe.TraceBuilder;
import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One scenario on the cluster, from the pod's creation to the horizon. The watches start before the
 * pod is created, so nothing is missed; the scenario's deletions are sent at their times; at the
 * horizon (or when the pod is gone) the containers' logs are read for their reports, the pod is
 * removed, and the sightings become a trace.
 *
 * <p>Trace time 0 is the pod's creation. The API's creationTimestamp has one-second resolution, so
 * the trial takes its own clock instead: the midpoint between sending the create and its answer,
 * within half a round trip of the moment the apiserver stored the pod. Every sighting is stamped
 * with the same clock when it arrives; only the container reports carry the node's clock, which on
 * kind is this machine's, and elsewhere is as close as NTP keeps the two.
 */
final class PodTrial {
    private final ClusterApi api;
    private final String namespace;
    private final TrialClock clock;
    private final Duration trialTimeout;
    private final String podName;
    private final PodObserver observer;
    /** Whether this trial made the pod: only then is a pod of that name its to remove. */
    private boolean created;

    /**
     * @param trialTimeout how long the pod may stay unscheduled before the trial is inconclusive
     */
    PodTrial(ClusterApi api, String namespace, TrialClock clock, Duration trialTimeout, String podName) {
        this.api = api;
        this.namespace = namespace;
        this.clock = clock;
        this.trialTimeout = trialTimeout;
        this.podName = podName;
        this.observer = new PodObserver(clock, podName);
    }

    /** Runs {@code pod}, the rendering of {@code defaulted} named {@link #podName}, for {@code horizon}. */
    Trace run(Scenario defaulted, Pod pod, Duration horizon) throws TargetException {
        try {
            observer.watch(api, namespace);
            long sent = clock.now();
            Pod created = api.call("create the pod " + podName, c -> c.pods().inNamespace(namespace).resource(pod).create());
            this.created = true;
            long answered = clock.now();
            long anchor = sent + (answered - sent) / 2;
            observer.podSeen(created, answered);
            long end = anchor + horizon.toMillis();
            act(defaulted, anchor, end);
            if (observer.failure() != null) {
                throw new TargetException(observer.failure(), null);
            }
            if (!observer.gone()) {
                observer.reportsRead(logReports(defaulted));
            }
            List<Sighting> seen = observer.sightings().stream().filter(s -> s.epochMillis() <= end).toList();
            return TraceBuilder.build(anchor, seen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running pod " + podName, e);
        } finally {
            observer.close();
            removePod();
        }
    }

    /** Sends the scenario's deletions at their times and waits for the horizon, the pod's end or a failure. */
    private void act(Scenario defaulted, long anchor, long end) throws InterruptedException, TargetException {
        long scheduleBy = anchor + trialTimeout.toMillis();
        List<DeletePod> deletions = defaulted.events().stream().filter(DeletePod.class::isInstance)
                .map(DeletePod.class::cast).sorted(Comparator.comparing(DeletePod::at)).toList();
        for (DeletePod d : deletions) {
            long at = anchor + d.at().toMillis();
            if (at > end) {
                break;
            }
            waitUntil(at, scheduleBy);
            if (observer.gone() || observer.failure() != null) {
                return;
            }
            delete(d, defaulted);
        }
        waitUntil(end, scheduleBy);
    }

    private void waitUntil(long until, long scheduleBy) throws InterruptedException {
        if (until > scheduleBy && observer.last() != null && !PendingTrouble.scheduled(observer.last())) {
            observer.awaitUntil(scheduleBy);
            if (observer.last() != null && !PendingTrouble.scheduled(observer.last())) {
                observer.fail("pod " + podName + " was not scheduled within " + Durations.format(trialTimeout)
                        + " (--trial-timeout)");
            }
        }
        observer.awaitUntil(until);
    }

    /**
     * The scenario's DELETE as the API takes it (SEMANTICS T-1): its grace, or the pod's own when
     * it names none; force is grace 0, which removes the object at once (T-3).
     */
    private void delete(DeletePod d, Scenario defaulted) throws TargetException {
        Long grace = d.force() ? Long.valueOf(0) : d.gracePeriodSeconds();
        long sentGrace = grace != null ? grace : defaulted.pod().spec().terminationGracePeriodSeconds();
        // Seen before it is sent: the pod's removal may reach the watch before the DELETE returns.
        observer.deletionSent(clock.now(), sentGrace, d.force());
        api.callOr("delete the pod " + podName, c -> grace == null
                ? c.pods().inNamespace(namespace).withName(podName).delete()
                : c.pods().inNamespace(namespace).withName(podName).withGracePeriod(grace).delete(), List.of(), 404);
    }

    /**
     * The reports in the logs of every container's current and previous instance: what the
     * termination messages (at most 4096 bytes each, and only of terminated instances) may lack.
     * A container that never started has no log (400), a pod already gone none at all.
     */
    private List<ContainerReport> logReports(Scenario defaulted) throws TargetException {
        List<ContainerReport> reports = new ArrayList<>();
        List<String> names = Stream.concat(defaulted.pod().spec().initContainers().stream(),
                defaulted.pod().spec().containers().stream()).map(Container::name).toList();
        for (String container : names) {
            for (boolean previous : new boolean[] {true, false}) {
                String log = api.callOr("read the log of container " + container + " of pod " + podName, c -> {
                    var resource = c.pods().inNamespace(namespace).withName(podName).inContainer(container)
                            .withReadyWaitTimeout(0);
                    return previous ? resource.terminated().getLog() : resource.getLog();
                }, "", 400, 404);
                reports.addAll(ContainerReport.parseAll(log == null ? "" : log));
            }
        }
        return reports;
    }

    /** The pod carries the run label (the target put it there); a failure here is left to the namespace's deletion. */
    private void removePod() {
        if (!created || observer.gone()) {
            return;
        }
        try {
            api.callOr("remove the pod " + podName,
                    c -> c.pods().inNamespace(namespace).withName(podName).withGracePeriod(0).delete(), List.of(), 404);
        } catch (TargetException e) {
            // The run's clean-up at close removes it: with the namespace, or as a labelled pod of the run.
        }
    }
}
