package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.DiskUse;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disk pressure (SEMANTICS NP-7): one container of the pod and of each neighbour (one or two are added when the pod is
 * alone) writes drawn bytes to its writable layer from some time after it starts, some of them under an
 * ephemeral-storage request a little above or below that use, and the node gets a filesystem condition whose available
 * bytes are drawn around the pods' peak above the threshold, so that the eviction manager must choose among them by
 * exceeding requests, priority and use. The threshold is the kubelet's defaults (imagefs.available&lt;15% on the one
 * filesystem), or a named quantity or percentage. Drawn after everything else so that every earlier draw stays as it
 * was; a pod whose kubelet restarts stays alone (NodeScenarioValidation). Choice 0 adds nothing.
 */
final class DiskGen {
    private static final long MI = 1L << 20;
    private static final Gen<Long> WRITTEN_MI = Gen.longs(1, 2_048, 100);
    private static final Gen<Long> MARGIN_MI = Gen.longs(1, 64, 1);
    private static final Gen<Duration> FROM = Gen.longs(0, 30, 0).map(Duration::ofSeconds);
    private static final Gen<Long> CAPACITY_GI = Gen.longs(20, 100, 20);

    private DiskGen() {}

    static Scenario add(Scenario scenario, Choices c) {
        boolean restartsKubelet = scenario.events().stream().anyMatch(RestartKubelet.class::isInstance);
        // drawn whether or not the kubelet restarts, so that shrinking a restart away shifts no later draw
        if (!c.drawBoolean(0.10) || restartsKubelet) {
            return scenario;
        }
        List<Scenario> neighbours = NodeGen.neighboursOrNew(scenario, c);
        long[] peak = {0};
        Scenario pod = withWrites(scenario, c, peak);
        neighbours.replaceAll(n -> withWrites(n, c, peak));
        long capacity = CAPACITY_GI.generate(c) << 30;
        long threshold;
        String named;
        switch (Gen.integers(0, 2, 0).generate(c)) {
            case 0 -> { // the defaults: imagefs.available's 15% is met first on the one filesystem
                named = null;
                threshold = capacity * 15 / 100;
            }
            case 1 -> {
                named = "2Gi";
                threshold = 2L << 30;
            }
            default -> {
                named = "12%";
                threshold = capacity * 12 / 100;
            }
        }
        // available between 60 % and 130 % of the peak above the threshold: one eviction may or may not relieve it
        long available = Math.min(capacity, threshold + Math.max(MI, peak[0] * Gen.integers(60, 130, 100).generate(c)
                / 100));
        List<WorldEvent> events = new ArrayList<>(pod.events());
        events.add(new NodeDiskPressure(Duration.ofSeconds(Gen.longs(0, 60, 0).generate(c)), Quantity.bytes(capacity),
                Quantity.bytes(available / MI * MI), named));
        return pod.withEvents(events).withNeighbours(neighbours);
    }

    /**
     * One regular container of {@code scenario}'s pod writes drawn bytes in every instance, a third of the time under
     * an ephemeral-storage request at least 1Mi above or below them; {@code peak} adds the bytes. A container that
     * already writes (LocalStorageGen) keeps its writes, which count.
     */
    private static Scenario withWrites(Scenario scenario, Choices c, long[] peak) {
        List<Container> containers = new ArrayList<>(scenario.pod().spec().containers());
        int index = Gen.integers(0, containers.size() - 1, 0).generate(c);
        Container writer = containers.get(index);
        List<DiskUse> written = scenario.behaviour(writer.name()).instances().get(0).disk();
        if (!written.isEmpty()) {
            peak[0] += written.stream().mapToLong(DiskUse::amount).max().orElse(0);
            return scenario;
        }
        long mi = WRITTEN_MI.generate(c);
        peak[0] += mi * MI;
        List<DiskUse> steps = List.of(new DiskUse(FROM.generate(c), Quantity.parse(mi + "Mi")));
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>(scenario.behaviours());
        behaviours.put(writer.name(), new ContainerBehaviour(scenario.behaviour(writer.name()).instances().stream()
                .map(instance -> instance.withDisk(steps)).toList()));
        Scenario out = scenario.withBehaviours(behaviours);
        if (!c.drawBoolean(0.33) || writer.resources().limit(ResourceRequirements.EPHEMERAL_STORAGE).isPresent()) {
            return out;
        }
        long margin = MARGIN_MI.generate(c);
        long requestMi = c.drawBoolean(0.5) ? mi + margin : Math.max(1, mi - margin);
        Map<String, Quantity> requests = new HashMap<>(writer.resources().requests());
        requests.put(ResourceRequirements.EPHEMERAL_STORAGE, Quantity.parse(requestMi + "Mi"));
        containers.set(index, writer.withResources(new ResourceRequirements(requests, writer.resources().limits(),
                writer.resources().extra())));
        return out.withPod(out.pod().withSpec(out.pod().spec().withContainers(containers)));
    }
}
