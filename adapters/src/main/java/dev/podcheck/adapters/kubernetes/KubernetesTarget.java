package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.RunRelease;
import dev.podcheck.adapters.TrialNames;
import dev.podcheck.adapters.observe.Observations;
import dev.podcheck.adapters.render.PodRenderer;
import dev.podcheck.adapters.render.RenderOptions;
import dev.podcheck.adapters.render.UnsupportedFeatures;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Timing;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes cluster as a target: each trial is a rendered pod in the run's namespace, watched
 * through the API until the horizon. Trials run in parallel, one pod each. Closing deletes the
 * run namespace (also from a shutdown hook on Ctrl-C); only objects with the run label are ever
 * deleted.
 */
final class KubernetesTarget implements Target {
    /** Times the API shows have one-second resolution, and reports carry the node's clock. */
    static final Duration TOLERANCE = Duration.ofSeconds(2);
    /**
     * What a kubelet (1.34) and its API add to each step, for the differential: it notices an exit
     * at the next PLEG relist (1 s) and acts when its pod worker runs (reaction); the runtime creates
     * and starts a container with its image present; a pod worker that met a back-off is re-queued
     * 10 to 15 s later (pod_workers.go, wait.Jitter(backOffPeriod, 0.5)), so a restart may come that
     * much after its back-off ended; the status manager batches pod status writes and the watch
     * delivers them late; the API shows times at 1 s; before its first container, the pod is scheduled
     * and its sandbox created.
     */
    static final Timing TIMING = Timing.reactingWithin(Duration.ofSeconds(2))
            .withStartLatency(Duration.ofSeconds(2))
            .withBackOffResync(Duration.ofSeconds(15))
            .withEventBatching(Duration.ofSeconds(2))
            .withClockResolution(Duration.ofSeconds(1))
            .withPodStartLatency(Duration.ofSeconds(3))
            .withProbePhase();

    private final ClusterApi api;
    private final RunNamespace namespace;
    private final String image;
    private final Duration trialTimeout;
    private final TrialClock clock;
    private final AtomicInteger trials = new AtomicInteger();
    private final RunRelease release;
    /** The run's lease ({@link RunLease}), given up first at close; nothing for a target made in a test. */
    private final AutoCloseable lease;
    private final Profile profile;

    /**
     * @param trialTimeout how long a pod may stay unscheduled before its trial is inconclusive
     */
    KubernetesTarget(ClusterApi api, RunNamespace namespace, String image, Duration trialTimeout, TrialClock clock) {
        this(api, namespace, image, trialTimeout, clock, () -> {});
    }

    KubernetesTarget(ClusterApi api, RunNamespace namespace, String image, Duration trialTimeout, TrialClock clock,
                     AutoCloseable lease) {
        this(api, namespace, image, trialTimeout, clock, lease, Profile.DEFAULT);
    }

    /** @param profile the release the reference engine plays for this cluster ({@link ServerVersion}) */
    KubernetesTarget(ClusterApi api, RunNamespace namespace, String image, Duration trialTimeout, TrialClock clock,
                     AutoCloseable lease, Profile profile) {
        this.profile = profile;
        this.lease = lease;
        this.api = api;
        this.namespace = namespace;
        this.image = image;
        this.trialTimeout = trialTimeout;
        this.clock = clock;
        this.release = new RunRelease("podcheck-cleanup-" + namespace.name(), this::release);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public Set<Observation> observations() {
        return Observations.KUBERNETES;
    }

    @Override
    public Duration tolerance() {
        return TOLERANCE;
    }

    @Override
    public Timing timing() {
        return TIMING;
    }

    /** The run namespace (for messages and tests). */
    String namespace() {
        return namespace.name();
    }

    @Override
    public Trace run(Scenario defaulted, Duration horizon) throws TargetException {
        if (release.released()) {
            throw new TargetException("the kubernetes target is closed", null);
        }
        UnsupportedFeatures.refuse(defaulted, name());
        String podName = podName(defaulted);
        return new PodTrial(api, namespace.name(), clock, trialTimeout, podName)
                .run(defaulted, submitted(defaulted, podName), horizon);
    }

    /** The rendered pod under its unique name, with the run label, in the run namespace. */
    Pod submitted(Scenario defaulted, String podName) {
        String yaml = PodRenderer.render(defaulted, RenderOptions.kubernetes(image)).yaml();
        Pod pod = api.client().getKubernetesSerialization().unmarshal(yaml, Pod.class);
        Map<String, String> labels = new HashMap<>(pod.getMetadata().getLabels() == null ? Map.of()
                : pod.getMetadata().getLabels());
        labels.putAll(namespace.podLabels());
        pod.getMetadata().setLabels(labels);
        pod.getMetadata().setName(podName);
        pod.getMetadata().setNamespace(namespace.name());
        return pod;
    }

    /** The scenario's pod name, cut to leave room, and the trial's number: unique within the run. */
    private String podName(Scenario defaulted) {
        return TrialNames.podName(defaulted, 40, "-" + trials.incrementAndGet());
    }

    /** What runs on Ctrl-C (registered with the JVM until close). */
    Thread shutdownHook() {
        return release.shutdownHook();
    }

    @Override
    public void close() {
        release.close();
    }

    /** Deletes the run namespace (or the run's pods in a forced one) once, then the client. */
    private void release() {
        try {
            lease.close();
        } catch (Exception e) {
            // An unrenewed lease runs out by itself.
        }
        try {
            namespace.delete();
        } catch (TargetException e) {
            // close() has no way to fail: say what is left and how to remove it.
            System.err.println("podcheck: " + e.getMessage() + "; 'podcheck clean --target kubernetes' removes it later");
        } finally {
            api.client().close();
        }
    }
}
