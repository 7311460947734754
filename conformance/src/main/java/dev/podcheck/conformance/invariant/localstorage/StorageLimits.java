package dev.podcheck.conformance.invariant.localstorage;

import dev.podcheck.conformance.invariant.pressure.EmptyDirUse;
import dev.podcheck.conformance.invariant.pressure.PodOnNode;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.qos.PodEphemeralStorageLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which local ephemeral storage limits a pod is over at a moment (eviction_manager.go
 * emptyDirLimitEviction, podEphemeralStorageLimitEviction, containerEphemeralStorageLimitEviction; SEMANTICS LS-1..LS-5),
 * from its runs' disk and volume steps: each breach as the message the kubelet writes for it, in the kubelet's order.
 */
final class StorageLimits {
    static final String EMPTY_DIR = "Usage of EmptyDir volume \"%s\" exceeds the limit \"%s\". ";
    static final String POD = "Pod ephemeral local storage usage exceeds the total limit of containers %s. ";
    static final String CONTAINER = "Container %s exceeded its local ephemeral storage limit \"%s\". ";

    private StorageLimits() {}

    /**
     * The messages of the breaches at {@code at}: each emptyDir over its sizeLimit, the pod's total (its containers' and
     * its emptyDirs on disk) over the sum of its containers' limits, then each container over its own. {@code surely} counts only the runs surely alive then; otherwise also those starting or
     * stopping at that instant. {@code sidecars} also counts sidecars' own limits, which only newer releases check.
     */
    static List<String> breaches(PodOnNode pod, long at, boolean surely, boolean sidecars) {
        List<String> out = new ArrayList<>();
        List<PodOnNode.Run> alive = pod.runs().stream()
                .filter(run -> surely ? run.surelyAt(at) : run.mayBeAt(at)).toList();
        Optional<Quantity> podLimit = PodEphemeralStorageLimit.of(pod.scenario().pod().spec());
        long total = alive.stream().mapToLong(run -> run.diskAt(at)).sum();
        if (EmptyDirUse.written(pod)) {
            for (EmptyDirVolume volume : EmptyDirVolume.of(pod.scenario().pod().spec())) {
                EmptyDirUse use = EmptyDirUse.of(pod, volume.name(), at);
                long used = surely ? use.low() : use.high();
                if (volume.limited() && used > volume.sizeLimit().longValue()) {
                    out.add(String.format(EMPTY_DIR, volume.name(), volume.sizeLimit()));
                }
                total += volume.memoryBacked() ? 0 : used;
            }
        }
        if (podLimit.isPresent() && total > podLimit.get().longValue()) {
            out.add(String.format(POD, podLimit.get()));
        }
        Stream<Container> checked = sidecars
                ? Stream.concat(pod.scenario().pod().spec().containers().stream(),
                        pod.scenario().pod().spec().initContainers().stream().filter(Container::isSidecar))
                : pod.scenario().pod().spec().containers().stream();
        checked.forEach(container -> {
            Quantity limit = PodEphemeralStorageLimit.limit(container);
            boolean over = alive.stream().anyMatch(run -> run.container().equals(container.name())
                    && run.diskAt(at) > limit.longValue());
            if (limit.signum() != 0 && over) {
                out.add(String.format(CONTAINER, container.name(), limit));
            }
        });
        return out;
    }
}
