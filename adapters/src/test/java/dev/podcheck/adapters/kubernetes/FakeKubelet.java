package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.KubeletProjection;
import dev.podcheck.adapters.observe.Sighting;
import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import dev.podcheck.spec.qos.PodQOS;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The engine as the kubelet of the mock API, and the clock of the trials it serves. When a trial's
 * pod appears, it simulates the pod's scenario and keeps what a kubelet would have written
 * ({@link KubeletProjection}): statuses and Events it writes into the mock at their times, report
 * lines it serves as the containers' logs and termination messages. Time is virtual and moves only
 * when the trial waits: each write due by then is made at its own time, and the clock stands still
 * until the trial's watch has delivered it, so a 60 s scenario takes as long as its writes do and
 * every sighting carries the time the kubelet wrote it.
 *
 * <p>Serves one trial at a time (the clock is the trial's). The target's graceful DELETE is answered
 * by an expectation that leaves the pod in place (the mock would remove it at once); the kubelet
 * removes it when the engine's pod is removed.
 */
final class FakeKubelet implements TrialClock {
    /** How long (real time) a write may take to reach the trial's watch before the test goes on regardless. */
    private static final long SETTLE_MILLIS = 5000;

    private record Write(long at, int order, Sighting sighting) {}

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final Duration horizon;
    private final Map<String, Scenario> scenarios = new HashMap<>();
    private final PriorityQueue<Write> due = new PriorityQueue<>(
            Comparator.comparingLong(Write::at).thenComparingInt(Write::order));
    private final Map<String, List<ContainerReport>> reports = new HashMap<>();
    private final Map<String, Long> created = new HashMap<>();
    private volatile long now = 1_795_000_000_000L;
    private String pod;
    private String podUid;
    private int events;

    FakeKubelet(MockCluster cluster, String namespace, Duration horizon) {
        this.server = cluster.server();
        this.client = cluster.client();
        this.namespace = namespace;
        this.horizon = horizon;
        cluster.onPodCreate(pod -> {
            Scenario scenario = scenarioOf(pod.getMetadata().getName());
            pod.setStatus(new PodStatusBuilder().withPhase("Pending")
                    .withQosClass(PodQOS.compute(scenario.pod()).name()).build());
            return pod;
        });
    }

    private Scenario scenarioOf(String podName) {
        return scenarios.get(podName.substring(0, podName.lastIndexOf('-')));
    }

    /** The next pod whose name starts with the scenario's pod name plays {@code defaulted}. */
    void expect(Scenario defaulted) {
        scenarios.put(defaulted.pod().metadata().name(), defaulted);
    }

    /** When the pod was created, as the kubelet's clock had it: trace time 0 of the engine's projection. */
    long createdEpochMillis(String podName) {
        return created.get(podName);
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void waitOn(Object monitor, long until) throws InterruptedException {
        PodObserver observer = (PodObserver) monitor;
        if (pod == null || !pod.equals(observer.podName())) {
            start(observer.podName());
        }
        if (removedByTheApi(scenarioOf(pod)) && !observer.gone()
                && observer.sightings().stream().anyMatch(Sighting.DeletionSent.class::isInstance)) {
            // The target's own DELETE removed the pod: its watch sees that at the DELETE's time.
            settle(observer, observer::gone);
        }
        while (!due.isEmpty() && due.peek().at() <= until) {
            Write w = due.poll();
            now = Math.max(now, w.at());
            write(w.sighting(), observer);
        }
        now = Math.max(now, until);
    }

    /** The pod appeared: simulate it, and make what the target will read at the end ready. */
    private void start(String podName) {
        pod = podName;
        due.clear();
        reports.clear();
        Scenario scenario = scenarioOf(podName);
        created.put(podName, now);
        Trace trace = Engine.simulate(scenario, EngineOptions.DEFAULT.withHorizon(horizon));
        List<Sighting> projected = KubeletProjection.of(trace, scenario, now);
        for (int i = 0; i < projected.size(); i++) {
            if (projected.get(i) instanceof Sighting.PodGone && removedByTheApi(scenario)) {
                continue;
            }
            if (projected.get(i) instanceof Sighting.ReportSeen r) {
                reports.computeIfAbsent(r.report().container(), c -> new ArrayList<>()).add(r.report());
            } else {
                due.add(new Write(projected.get(i).epochMillis(), i, projected.get(i)));
            }
        }
        serveLogs(podName);
        Pod current = client.pods().inNamespace(namespace).withName(podName).get();
        podUid = current.getMetadata().getUid();
        if (scenario.events().stream().anyMatch(e -> e instanceof DeletePod) && !removedByTheApi(scenario)) {
            server.expect().delete().withPath(podPath(podName)).andReturn(200, current).once();
        }
    }

    /**
     * A DELETE with grace 0 (or force) removes the pod at once (SEMANTICS T-1, T-3): the mock does
     * that itself on the target's request; a graceful one it would too, so an expectation stands in.
     */
    private static boolean removedByTheApi(Scenario scenario) {
        return scenario.events().stream().filter(DeletePod.class::isInstance).map(DeletePod.class::cast).findFirst()
                .map(d -> d.force() || Long.valueOf(0).equals(d.gracePeriodSeconds())).orElse(false);
    }

    private void write(Sighting s, PodObserver observer) throws InterruptedException {
        // Each write waits for a sighting of its own kind: the two watches are separate streams, and
        // another's late delivery must not pass for this write's, or the clock would move on without it.
        long before = seenOfKind(observer, s);
        if (s instanceof Sighting.PodSeen seen) {
            Pod current = client.pods().inNamespace(namespace).withName(pod).get();
            PodStatus status = ApiStatusWriter.of(seen.pod(), this::terminationMessage);
            Long deletion = seen.pod().deletionTimestampMillis();
            String deletionTimestamp = deletion == null ? null : ApiStatusWriter.time(deletion);
            if (status.equals(current.getStatus())
                    && Objects.equals(deletionTimestamp, current.getMetadata().getDeletionTimestamp())) {
                return; // what the apiserver wrote at creation: no write, so no watch event
            }
            // A patch: the mock's update of an object with a deletionTimestamp removes it at once.
            client.pods().inNamespace(namespace).withName(pod).edit(p -> {
                p.setStatus(status);
                p.getMetadata().setDeletionTimestamp(deletionTimestamp);
                return p;
            });
            settle(observer, () -> seenOfKind(observer, s) > before);
        } else if (s instanceof Sighting.EventSeen e) {
            client.v1().events().inNamespace(namespace).resource(new EventBuilder().withNewMetadata()
                    .withName(pod + "." + (++events)).endMetadata()
                    .withNewInvolvedObject().withKind("Pod").withName(pod).withNamespace(namespace)
                    .withUid(podUid)
                    .withFieldPath(e.container().isEmpty() ? null : "spec.containers{" + e.container() + "}")
                    .endInvolvedObject().withReason(e.reason()).withMessage(e.message()).withCount(1).build()).create();
            settle(observer, () -> seenOfKind(observer, s) > before);
        } else if (s instanceof Sighting.PodGone) {
            client.pods().inNamespace(namespace).withName(pod).delete();
            settle(observer, observer::gone);
        }
    }

    /** How many sightings of the write's kind (pod snapshot, Event) the trial's watches have delivered. */
    private static long seenOfKind(PodObserver observer, Sighting write) {
        return observer.sightings().stream().filter(write.getClass()::isInstance).count();
    }

    /** Waits, letting go of the trial's lock, until its watch has delivered the write. */
    private static void settle(PodObserver observer, BooleanSupplier delivered) throws InterruptedException {
        long giveUp = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (!delivered.getAsBoolean() && System.nanoTime() < giveUp) {
            observer.wait(10);
        }

    }

    /** The report lines of one instance: what its script left in /dev/termination-log. */
    private String terminationMessage(String container, int instance) {
        return linesOf(container, r -> r.instance() == instance && r.epochMillis() <= now);
    }

    private String linesOf(String container, java.util.function.Predicate<ContainerReport> which) {
        return reports.getOrDefault(container, List.of()).stream().filter(which).map(r -> r.line() + "\n")
                .collect(Collectors.joining());
    }

    /** Each container's log: its newest instance's lines, and its previous instance's for ?previous. */
    private void serveLogs(String podName) {
        for (Map.Entry<String, List<ContainerReport>> e : reports.entrySet()) {
            int last = e.getValue().stream().mapToInt(ContainerReport::instance).max().orElse(0);
            String base = podPath(podName) + "/log?pretty=false&container=" + e.getKey();
            server.expect().get().withPath(base).andReturn(200, linesOf(e.getKey(), r -> r.instance() == last)).always();
            if (last > 0) {
                server.expect().get().withPath(base + "&previous=true")
                        .andReturn(200, linesOf(e.getKey(), r -> r.instance() == last - 1)).always();
            }
        }
    }

    private String podPath(String podName) {
        return "/api/v1/namespaces/" + namespace + "/pods/" + podName;
    }
}
