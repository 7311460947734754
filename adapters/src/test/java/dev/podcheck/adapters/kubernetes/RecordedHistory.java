package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.KubeletProjection;
import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioWriter;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * A pod's life as the engine tells it (faithful, or with {@link Fault}s), written into the mock API as
 * a kubelet and apiserver would have written it, for an audit to watch: the pod's creation, then each
 * status write and Event at its time. It is the audit's clock too: time is virtual and moves only as the
 * audit waits, each write made at its own time and the clock held until the audit's watch has delivered
 * it. The first wait creates the pod, so the audit sees it from its creation.
 */
final class RecordedHistory implements TrialClock {
    private static final long SETTLE_MILLIS = 5000;

    private final KubernetesClient client;
    private final String namespace;
    private final Scenario scenario;
    private final Trace trace;
    private final Deque<Sighting> due = new ArrayDeque<>();
    private volatile long now = System.currentTimeMillis();
    private Pod pod;
    private int events;

    RecordedHistory(KubernetesClient client, String namespace, Scenario defaulted, Duration horizon, Set<Fault> faults) {
        this.client = client;
        this.namespace = namespace;
        this.scenario = defaulted;
        this.trace = Engine.simulate(defaulted, EngineOptions.DEFAULT.withHorizon(horizon).withFaults(faults));
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void waitOn(Object monitor, long until) throws InterruptedException {
        ClusterAudit audit = (ClusterAudit) monitor;
        if (pod == null) {
            create(audit);
        }
        while (!due.isEmpty() && due.peek().epochMillis() <= until) {
            Sighting next = due.poll();
            now = Math.max(now, next.epochMillis());
            write(next, audit);
        }
        now = Math.max(now, until);
    }

    /** The pod as the apiserver stores it: no behaviours, phase Pending, the QoS class of the history's creation. */
    private void create(ClusterAudit audit) throws InterruptedException {
        Pod manifest = client.getKubernetesSerialization().unmarshal(ScenarioWriter.toYaml(Scenario.of(scenario.pod())),
                Pod.class);
        manifest.getMetadata().setNamespace(namespace);
        String qosClass = trace.all(TraceEvent.PodCreated.class).findFirst().orElseThrow().qosClass();
        manifest.setStatus(new PodStatusBuilder().withPhase("Pending").withQosClass(qosClass).build());
        int before = audit.sightingsSoFar();
        pod = client.pods().inNamespace(namespace).resource(manifest).create();
        long created = PodSightings.epochMillis(pod.getMetadata().getCreationTimestamp());
        now = Math.max(now, created);
        due.addAll(KubeletProjection.of(trace, scenario, created));
        settle(audit, before);
    }

    private void write(Sighting s, ClusterAudit audit) throws InterruptedException {
        int before = audit.sightingsSoFar();
        String name = pod.getMetadata().getName();
        if (s instanceof Sighting.PodSeen seen) {
            PodStatus status = ApiStatusWriter.of(seen.pod(), (container, instance) -> "");
            Pod current = client.pods().inNamespace(namespace).withName(name).get();
            if (status.equals(current.getStatus())) {
                return; // what the apiserver already holds: no write, so no watch event
            }
            client.pods().inNamespace(namespace).withName(name).edit(p -> {
                p.setStatus(status);
                return p;
            });
        } else if (s instanceof Sighting.EventSeen e) {
            client.v1().events().inNamespace(namespace).resource(new EventBuilder().withNewMetadata()
                    .withName(name + "." + (++events)).endMetadata()
                    .withNewInvolvedObject().withKind("Pod").withName(name).withNamespace(namespace)
                    .withUid(pod.getMetadata().getUid())
                    .withFieldPath(e.container().isEmpty() ? null : "spec.containers{" + e.container() + "}")
                    .endInvolvedObject().withReason(e.reason()).withMessage(e.message()).withCount(1).build()).create();
        } else if (s instanceof Sighting.PodGone) {
            client.pods().inNamespace(namespace).withName(name).delete();
        } else {
            return; // the containers' reports: an audit reads no logs
        }
        settle(audit, before);
    }

    /** Waits, letting go of the audit's lock, until its watches have delivered the write. */
    private static void settle(ClusterAudit audit, int before) throws InterruptedException {
        long giveUp = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (audit.sightingsSoFar() <= before && System.nanoTime() < giveUp) {
            audit.wait(10);
        }
    }
}
