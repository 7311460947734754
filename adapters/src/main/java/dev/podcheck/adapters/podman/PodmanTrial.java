package dev.podcheck.adapters.podman;

import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.adapters.observe.TraceBuilder;
import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One scenario on podman, from {@code kube play} to the horizon. Trace time 0 is the moment the
 * trial starts {@code podman kube play}: podman records the pod's creation 0.1 to 0.3 s later,
 * after its own start-up, which is part of what the pod takes to start on this target. Before
 * that, the trial waits for its turn among the pods starting at once ({@link PodmanRun#STARTS}),
 * which costs wall time, not trace time.
 *
 * <p>kube play runs the init containers before it returns (and never returns while a sidecar
 * runs), so it runs in the background while the trial reads podman's events log every
 * {@value #POLL_MILLIS} ms (see {@link PodmanStatus} for what it reads there). A play that fails
 * before any container started, or no container started within the trial time-out, makes the
 * trial inconclusive: podman did not run the pod. A play that fails later (an init container that
 * exited non-zero) is podman's response to the pod, and observed as such.
 *
 * <p>The scenario's DELETE is a {@code podman pod stop} with its grace ({@code -t 0} when forced;
 * without {@code -t} when it names none, so that podman applies its own stop timeout, whatever the
 * pod's terminationGracePeriodSeconds), then {@code podman pod rm}. The pod is gone when that stop
 * returns, podman's word that every container of the pod has stopped, which is when the kubelet lets
 * a deleted pod's object go (status_manager.go canBeDeleted); podman keeps a stopped pod until told
 * to remove it, and the second process that removes it is this adapter's clean-up, which a loaded
 * machine delays by seconds (seen: 3.4 s beside a build and two CPU hogs), not podman's answer to the
 * deletion. podman's pod stop event cannot stand for it: podman 4.3 logs it when the stop begins.
 * A pod podman removes otherwise is gone at podman's record of its removal. The containers' reports are read from the trial's folder at the end.
 * Whatever happens, the pod and the folder are removed.
 */
final class PodmanTrial {
    static final long POLL_MILLIS = 200;
    /** What a stop may take beyond its grace before the trial stops waiting for it. */
    private static final Duration STOP_SLACK = Duration.ofSeconds(60);
    /** The stop timeout podman gives a container when told none (kube play leaves it at podman's default). */
    private static final long PODMAN_STOP_TIMEOUT = 10;

    private final PodmanRun run;
    private final Podman podman;
    private final String podName;
    private final List<Sighting> sightings = new ArrayList<>();
    private final List<Thread> deleters = new ArrayList<>();
    private boolean deletionSent;
    private boolean goneSeen;
    /** When a deleter's {@code podman pod stop} returned, or 0 before: written by the deleter, read by the trial. */
    private final AtomicLong stopReturned = new AtomicLong();
    /** The time of the latest snapshot: the next is never stamped earlier (see {@link #take}). */
    private long lastSeen;
    /** Whether this trial holds one of the run's {@link PodmanRun#starts}. */
    private boolean starting;

    PodmanTrial(PodmanRun run, String podName) {
        this.run = run;
        this.podman = run.podman();
        this.podName = podName;
    }

    Trace run(Scenario defaulted, Duration horizon) throws TargetException {
        Path dir = run.state().trialDir(podName);
        Path manifest = run.state().manifest(podName);
        PodmanStatus status = new PodmanStatus(defaulted, podName, this::oomKilled);
        HostCommand.Running play = null;
        try {
            Files.createDirectories(dir);
            Files.writeString(manifest, PodmanManifest.render(defaulted, run.image(), run.state(), podName, run.runId()).yaml());
            run.starts().acquire();
            starting = true;
            EventsTail events = EventsTail.fromEnd(run.state().eventsLog());
            long anchor = System.currentTimeMillis();
            play = run.plays().start(podman.command("kube", "play", "--network", "none", "--quiet", manifest.toString()));
            long end = anchor + horizon.toMillis();
            observe(defaulted, status, events, play, anchor, end);
            sightings.addAll(reports(dir));
            return TraceBuilder.build(anchor, sightings.stream().filter(s -> s.epochMillis() <= end).toList());
        } catch (IOException e) {
            throw new TargetException("cannot write the trial files of pod " + podName + " in " + dir + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running pod " + podName, e);
        } finally {
            started();
            if (play != null) {
                run.plays().close(play);
            }
            remove();
            delete(dir, manifest);
        }
    }

    /** Reads the events log until the horizon or the pod's removal, and sends the deletions at their times. */
    private void observe(Scenario defaulted, PodmanStatus status, EventsTail events, HostCommand.Running play,
                         long anchor, long end) throws TargetException, InterruptedException {
        List<DeletePod> deletions = defaulted.events().stream().filter(DeletePod.class::isInstance)
                .map(DeletePod.class::cast).sorted(Comparator.comparing(DeletePod::at)).toList();
        int next = 0;
        while (true) {
            long now = System.currentTimeMillis();
            long stopped = stopReturned.get(); // before the read, so that every event logged by then is taken
            take(events.read(), status);
            if (stopped > 0 && !goneSeen) {
                goneSeen = true;
                sightings.add(new Sighting.PodGone(stopped));
                return;
            }
            if (status.started() || play.finished()) {
                started();
            }
            if (status.gone() || now >= end) {
                return;
            }
            if (!status.started() && !deletionSent) {
                refused(play, status, events, now - anchor);
            }
            while (next < deletions.size() && anchor + deletions.get(next).at().toMillis() <= now) {
                delete(deletions.get(next++), defaulted);
            }
            long wake = Math.min(now + POLL_MILLIS, end);
            if (next < deletions.size()) {
                wake = Math.min(wake, anchor + deletions.get(next).at().toMillis());
            }
            Thread.sleep(Math.max(1, wake - now));
        }
    }

    /** The pod has started (or will not): the next may. */
    private void started() {
        if (starting) {
            starting = false;
            run.starts().release();
        }
    }

    /** The trial cannot go on when podman refused the pod, or started none of its containers in time. */
    private void refused(HostCommand.Running play, PodmanStatus status, EventsTail events, long waited)
            throws TargetException {
        if (play.finished() && !play.result().ok()) {
            take(events.read(), status); // a start written just before play failed
            if (!status.started()) {
                throw new TargetException("podman kube play did not start pod " + podName + ": "
                        + Podman.gist(play.result()), null);
            }
        }
        if (waited > run.trialTimeout().toMillis()) {
            throw new TargetException(status.recorded()
                    ? "no container of pod " + podName + " started within " + Durations.format(run.trialTimeout())
                            + " (--trial-timeout)"
                    : "podman recorded nothing of pod " + podName + " in its events log " + run.state().eventsLog()
                            + " within " + Durations.format(run.trialTimeout()) + " (--trial-timeout): does it honour"
                            + " events_logfile_path in " + run.state().containersConf() + "?", null);
        }
    }

    /**
     * Each event of the pod, in the log's order, makes the snapshot it changes. A snapshot is
     * stamped with its event's time, but never before the snapshot it follows: podman's processes
     * (kube play, each container's clean-up) stamp an event before they append it, so two events of
     * one pod may be logged out of their time order, and the trace, which orders sightings by time,
     * would otherwise show the later snapshot first and the earlier one undo it.
     */
    private void take(List<PodmanEvent> events, PodmanStatus status) {
        for (PodmanEvent e : events) {
            if (!status.concerns(e)) {
                continue;
            }
            lastSeen = Math.max(lastSeen, e.epochMillis());
            if (status.apply(e)) {
                sightings.add(new Sighting.PodSeen(lastSeen, status.snapshot()));
            }
            if (status.gone() && !goneSeen) {
                goneSeen = true;
                sightings.add(new Sighting.PodGone(lastSeen));
            }
        }
    }

    /**
     * The scenario's DELETE (SEMANTICS T-1): recorded with the grace the apiserver would take (its
     * own, else the pod's), sent to podman as a stop in the background, so that the trial keeps
     * reading while podman waits out the grace.
     */
    private void delete(DeletePod d, Scenario defaulted) {
        Long grace = d.force() ? Long.valueOf(0) : d.gracePeriodSeconds();
        long recorded = grace != null ? grace : defaulted.pod().spec().terminationGracePeriodSeconds();
        sightings.add(new Sighting.DeletionSent(System.currentTimeMillis(), recorded, d.force()));
        deletionSent = true;
        List<String> stop = new ArrayList<>(List.of("pod", "stop", "--ignore"));
        if (grace != null) {
            stop.addAll(List.of("-t", String.valueOf(grace)));
        }
        stop.add(podName);
        Duration timeout = Duration.ofSeconds(grace != null ? grace : PODMAN_STOP_TIMEOUT).plus(STOP_SLACK);
        Thread deleter = new Thread(() -> {
            try {
                podman.run(timeout, stop.toArray(String[]::new));
                stopReturned.compareAndSet(0, System.currentTimeMillis());
                podman.run(Podman.QUICK, "pod", "rm", "--force", "--ignore", "-t", "0", podName);
            } catch (TargetException e) {
                // The pod stays until the end of the trial, which removes it: the trace shows it was not removed.
            }
        }, "podcheck-delete-" + podName);
        deleter.setDaemon(true);
        deleter.start();
        deleters.add(deleter);
    }

    /** Whether podman says the kernel killed the container of this podman name (asked after a 137 exit). */
    private boolean oomKilled(String container) {
        try {
            HostCommand.Result r = podman.call(Podman.QUICK, "container", "inspect", "--format",
                    "{{.State.OOMKilled}}", container);
            return r.ok() && r.stdout().strip().equals("true");
        } catch (TargetException e) {
            return false; // the reason stays Error: the exit code 137 is still podman's record
        }
    }

    private static List<Sighting> reports(Path dir) throws IOException {
        Path reports = dir.resolve("reports");
        List<Sighting> seen = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return seen;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                ContainerReport.parseAll(Files.readString(file)).forEach(r -> seen.add(new Sighting.ReportSeen(r)));
            }
        }
        return seen;
    }

    /** Removes the pod at once, whatever its state; a failure is left to the run's clean-up by label. */
    private void remove() {
        for (Thread deleter : deleters) {
            deleter.interrupt();
        }
        try {
            podman.run(Podman.QUICK, "pod", "rm", "--force", "--ignore", "-t", "0", podName);
        } catch (TargetException e) {
            // close() and 'podcheck clean --target podman' remove it by its run label.
        }
    }

    private static void delete(Path dir, Path manifest) {
        try {
            Files.deleteIfExists(manifest);
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            // A folder left in the state folder's trials: harmless, and the name is never used again.
        }
    }
}
