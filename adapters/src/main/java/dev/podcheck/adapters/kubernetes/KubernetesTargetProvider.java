package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.TrialNames;
import dev.podcheck.adapters.render.PodRenderer;
import dev.podcheck.adapters.render.RenderOptions;
import dev.podcheck.adapters.render.RenderedPod;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.scenario.Scenario;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --target kubernetes}: scenarios as rendered pods on a cluster, observed through its API. */
public final class KubernetesTargetProvider implements TargetProvider {
    final KubernetesOptions options = new KubernetesOptions();
    /** How often a run renews its lease; tests shorten it to see a renewal. */
    Duration leaseRenewal = RunLease.RENEW_EVERY;

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public String description() {
        return "a Kubernetes cluster through its API (kubeconfig or in-cluster), one rendered pod per trial in a"
                + " labelled run namespace";
    }

    @Override
    public List<TargetOption> options() {
        return options.describe();
    }

    /** The target, held to --kubernetes-version (auto: the cluster's); another release the cluster runs is told. */
    @Override
    public Target open() throws TargetException {
        if ((options.bindRunRole == null) != (options.bindServiceAccount == null)
                || options.bindServiceAccount != null && !options.bindServiceAccount.matches("[a-z0-9-]+:[a-z0-9.-]+")) {
            throw new TargetException("--bind-run-role CLUSTERROLE and --bind-serviceaccount NAMESPACE:NAME go together",
                    null);
        }
        KubernetesClient client = connect();
        ClusterApi api = new ClusterApi(client, ApiRetry.DEFAULT, options.callDeadline());
        try {
            Profile profile = ServerVersion.profile(client, options.kubernetesVersion, w -> System.err.println("podcheck: " + w));
            String runId = TrialNames.runId();
            RunNamespace namespace = options.allowNamespace != null
                    ? RunNamespace.adopt(api, options.allowNamespace, runId)
                    : RunNamespace.create(api, options.namespacePrefix, runId);
            if (options.allowNamespace == null && options.bindRunRole != null) {
                namespace.bind(options.bindRunRole, options.bindServiceAccount);
            }
            RunLease lease = RunLease.take(api, namespace.name(), runId, Instant::now, leaseRenewal);
            return new KubernetesTarget(api, namespace, options.image, options.trialTimeout, TrialClock.SYSTEM, lease, profile);
        } catch (TargetException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The chosen cluster; a warning (an insecure connection) goes to stderr on every run. */
    private KubernetesClient connect() throws TargetException {
        return ClusterConnection.open(options.choice(), ClusterEnvironment.SYSTEM, w -> System.err.println("podcheck: " + w));
    }

    @Override
    public List<String> clean() throws TargetException {
        try (KubernetesClient client = connect()) {
            return RunNamespace.clean(new ClusterApi(client, ApiRetry.DEFAULT, options.callDeadline()), options.allowNamespace,
                    Instant.now());
        }
    }

    /**
     * The pod as it would be submitted (before the target names it and adds its run label), with
     * rendering's notes as comments. Rendering keeps the scenario's requests and limits, so that
     * the QoS class under test stays the scenario's: a pod that asks for more than a node has is
     * unschedulable, and its trial inconclusive.
     */
    @Override
    public String render(Scenario defaulted) {
        RenderedPod rendered = PodRenderer.render(defaulted, RenderOptions.kubernetes(options.image));
        String notes = rendered.notes().stream().map(n -> "# note: " + n + "\n").collect(Collectors.joining());
        return notes + rendered.yaml();
    }

    /**
     * A real cluster cannot put its node under memory pressure on cue: deletions only. Each pod's
     * requests and memory use stay small (40m cpu, 64Mi memory requested at most per container, 128Mi
     * used), so that the default eight trials at once fit on one 2-core node beside its system pods:
     * a pod that asks for more than the node has left is unschedulable, and its trial inconclusive. The
     * QoS class under test is the shape of requests and limits, never their size. No finalizers, gate
     * patches, termination messages, image pulls, kubelet restarts or sandbox losses yet (render.UnsupportedFeatures says why).
     */
    @Override
    public Size size(Size asked) {
        return asked.withNodePressure(false).withStartDelays(false).withResourceCaps(CPU_MILLIS_CAP, MEMORY_MI_CAP)
                .withApiPatches(false).withTerminationMessages(false).withImagePulls(false)
                .withNodeDisruptions(false);
    }

    static final int CPU_MILLIS_CAP = 40;
    static final int MEMORY_MI_CAP = 128;

    /** Long enough for a restart or two and a graceful deletion; every second of it is wall time. */
    @Override
    public Duration defaultHorizon() {
        return Duration.ofSeconds(90);
    }

    /** Pods mostly wait on wall time, not on this machine's cores. */
    @Override
    public int defaultParallelism() {
        return 8;
    }

    /** Each rerun costs a real pod and up to a horizon of wall time. */
    @Override
    public int shrinkAttempts() {
        return 20;
    }
}
