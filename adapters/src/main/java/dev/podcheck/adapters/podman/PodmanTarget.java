package dev.podcheck.adapters.podman;

import dev.podcheck.adapters.RunRelease;
import dev.podcheck.adapters.TrialNames;
import dev.podcheck.adapters.render.UnsupportedFeatures;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Timing;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * podman ({@code kube play}) as a target: each trial is a rendered pod with the run label, played
 * with no network, watched through podman's events log until the horizon, then removed. Trials
 * run in parallel, one pod each. Closing removes every pod of the run (also from a shutdown hook
 * on Ctrl-C); only pods and containers with the run label are ever removed. While it is open, the
 * run holds its {@link RunLock}, so that 'podcheck clean' leaves its pods alone.
 */
final class PodmanTarget implements Target {
    /**
     * What the target claims, from podman's record of its containers and the containers' reports.
     * Not a set of {@code Observations} sources: podman keeps no phase, conditions or QoS class, and a pod it
     * never evicts shows no eviction; what the trace would hold there is this target's derivation
     * ({@link PodmanStatus}), and a check of it would check the target, not podman. SIGNALS: SIGTERM
     * from the reports, SIGKILL from podman's exit code 137 after a SIGTERM and no exit report.
     */
    static final Set<Observation> OBSERVATIONS =
            Set.copyOf(EnumSet.of(Observation.CONTAINER_STATUSES, Observation.SIGNALS, Observation.DELETION,
                    Observation.BEHAVIOURS, Observation.WORLD_EVENTS));
    /**
     * podman's times are exact and the reports carry this machine's clock; what lags is podman
     * itself: a start 0.1 to 0.5 s after the moment the reference starts it (the CLI's start-up,
     * the runtime), more when trials run in parallel on few cores.
     */
    static final Duration TOLERANCE = Duration.ofSeconds(2);
    /**
     * What podman adds to each step, for the differential: conmon and the events log notice an exit or
     * a stop within a second; creating and starting a container takes 0.1 to 0.5 s, up to 1.5 s with
     * eight trials on two busy cores; there is no back-off to resync (D1) and no pod status to batch
     * beyond the events log's read interval. The trace shows startedAt and finishedAt cut to the second
     * as the Kubernetes API does ({@link PodmanStatus#apiSecond}), so durations between them are good
     * to 1 s. kube play makes the pod's infra container before the first of its own: seen up to 2.6 s
     * after the pod's creation on a loaded machine (the gate, seed 1).
     */
    static final Timing TIMING = Timing.reactingWithin(Duration.ofSeconds(1))
            .withStartLatency(Duration.ofMillis(1500))
            .withEventBatching(Duration.ofSeconds(1))
            .withClockResolution(Duration.ofSeconds(1))
            .withPodStartLatency(Duration.ofSeconds(2));

    private final PodmanRun run;
    private final RunLock lock;
    private final AtomicInteger trials = new AtomicInteger();
    private final RunRelease release;

    /**
     * @param lock the run's claim, which keeps 'podcheck clean' off its pods until closing releases it
     */
    PodmanTarget(PodmanRun run, RunLock lock) {
        this.run = run;
        this.lock = lock;
        this.release = new RunRelease("podcheck-cleanup-podman-" + run.runId(), this::release);
    }

    @Override
    public String name() {
        return "podman";
    }

    @Override
    public Set<Observation> observations() {
        return OBSERVATIONS;
    }

    @Override
    public Duration tolerance() {
        return TOLERANCE;
    }

    @Override
    public Timing timing() {
        return TIMING;
    }

    String runId() {
        return run.runId();
    }

    String image() {
        return run.image();
    }

    @Override
    public Trace run(Scenario defaulted, Duration horizon) throws TargetException {
        if (release.released()) {
            throw new TargetException("the podman target is closed", null);
        }
        UnsupportedFeatures.refuse(defaulted, name());
        return new PodmanTrial(run, podName(defaulted)).run(defaulted, horizon);
    }

    /**
     * The scenario's pod name, cut to leave room, the run's id and the trial's number: pod names
     * are unique on a machine (podman has no namespaces), and runs may share one.
     */
    String podName(Scenario defaulted) {
        return TrialNames.podName(defaulted, 30, "-" + run.runId() + "-" + trials.incrementAndGet());
    }

    /** What runs on Ctrl-C (registered with the JVM until close). */
    Thread shutdownHook() {
        return release.shutdownHook();
    }

    @Override
    public void close() {
        release.close();
    }

    /** Stops the plays in flight, removes the run's pods once, then releases its claim. */
    private void release() {
        run.plays().stopAll();
        try {
            LabelledPods.remove(run.podman(), run.runId(), (id, state) -> true);
        } catch (TargetException e) {
            // close() has no way to fail: say what is left and how to remove it.
            System.err.println("podcheck: " + e.getMessage() + "; 'podcheck clean --target podman' removes the pods of"
                    + " run " + run.runId() + " later");
        } finally {
            lock.close();
        }
    }
}
