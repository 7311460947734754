package dev.podcheck.adapters.render;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a rendered container cannot act its behaviour as the engine models it. Each note names the
 * container and says what differs; a container the script acts faithfully gets none.
 */
final class RenderNotes {
    /** About what the script's own processes (sh, httpd, sleep) add to the container's memory. */
    static final long SCRIPT_MEMORY_BYTES = 8L << 20;
    /** Below this cpu limit the script's own work (a few ms per change) is visibly throttled. */
    static final long SMALLEST_UNTHROTTLED_MILLICPU = 100;

    private RenderNotes() {}

    static List<String> of(PodSpec spec, Container container, ContainerBehaviour behaviour) {
        List<String> notes = new ArrayList<>();
        startAfter(spec, container, behaviour).ifPresent(notes::add);
        container.probeKinds().filter(kind -> container.probe(kind).grpc() != null).forEach(kind ->
                notes.add(prefix(container) + "its " + kind + " probe is gRPC, which busybox cannot serve:"
                        + " rendered as an exec probe with the same timing"));
        memory(container, behaviour, notes);
        container.resources().limit(ResourceRequirements.CPU)
                .filter(cpu -> cpu.milliValue() < SMALLEST_UNTHROTTLED_MILLICPU)
                .ifPresent(cpu -> notes.add(prefix(container) + "its cpu limit (" + cpu + ") throttles its script,"
                        + " so its reports and health changes may come late"));
        return notes;
    }

    /**
     * startAfter is the runtime's time before the process runs; the script can only sleep it once
     * running. The API then shows the start early. Probes run meanwhile (and fail, the health files
     * are not there yet). The kubelet starts the containers after it at once, unless a postStart
     * hook, which waits for the behaviour's start, keeps its start call busy as in the engine.
     */
    private static Optional<String> startAfter(PodSpec spec, Container container, ContainerBehaviour behaviour) {
        Duration longest = behaviour.instances().stream().map(InstanceBehaviour::startAfter)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        if (longest.isZero()) {
            return Optional.empty();
        }
        String most = Durations.format(longest);
        StringBuilder note = new StringBuilder(prefix(container)).append("startAfter (up to ").append(most)
                .append(") is slept by its script once the runtime has started it, so the API shows it started up to ")
                .append(most).append(" early (its start report has the behaviour's time)");
        if (container.probeKinds().findAny().isPresent()) {
            note.append("; its probes run and fail meanwhile, where the engine does not probe yet");
        }
        boolean hasPostStart = container.lifecycle() != null && container.lifecycle().postStart() != null;
        if (!hasPostStart && startsOthersAfterIt(spec, container)) {
            note.append("; the containers the kubelet starts after it do not wait for it");
        }
        return Optional.of(note.append("; a SIGTERM meanwhile ends it at once with 143").toString());
    }

    /** A sidecar is followed by the next init or the regular containers; a regular container by the later ones. */
    private static boolean startsOthersAfterIt(PodSpec spec, Container container) {
        List<Container> regular = spec.containers();
        return container.isSidecar() && spec.initContainers().contains(container)
                || regular.contains(container) && regular.indexOf(container) < regular.size() - 1;
    }

    private static void memory(Container container, ContainerBehaviour behaviour, List<String> notes) {
        Optional<Quantity> limit = container.resources().limit(ResourceRequirements.MEMORY);
        if (limit.isEmpty()) {
            return;
        }
        long limitBytes = limit.get().longValue();
        long most = behaviour.instances().stream().flatMap(b -> b.memory().stream())
                .map(MemoryUse::bytes).mapToLong(Quantity::longValue).max().orElse(0);
        if (most > limitBytes) {
            notes.add(prefix(container) + "memory above its limit (" + limit.get() + ") is held by a dd process"
                    + " that the kernel OOM-kills; the container ends OOMKilled, as the engine predicts, only on"
                    + " cgroup v2 nodes where the kubelet has the kernel kill the whole container"
                    + " (memory.oom.group, Kubernetes 1.28 and later without singleProcessOOMKill);"
                    + " elsewhere only dd dies and the container runs on");
        } else if (limitBytes - most < SCRIPT_MEMORY_BYTES) {
            notes.add(prefix(container) + "its memory limit (" + limit.get() + ") leaves less than 8Mi beside"
                    + " its behaviour's memory for the script's own processes, which may be OOM-killed"
                    + " where the engine predicts no kill");
        }
    }

    private static String prefix(Container container) {
        return "container " + container.name() + ": ";
    }
}
