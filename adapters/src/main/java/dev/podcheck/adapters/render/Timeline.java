package dev.podcheck.adapters.render;

import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.ProbeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the main script changes over one instance's life, in milliseconds since the behaviour
 * started: health files (and tcp listeners) come and go with the health windows, and memory is held
 * as the memory steps say. Each change is computed at the boundaries with the behaviour's own
 * {@link Health#passesAtMillis} and {@link InstanceBehaviour#memoryBytesAt}, so overlapping windows
 * and steps given out of order mean what they mean to the engine.
 */
final class Timeline {
    /**
     * The largest memory one process holds: a read() returns at most about 2 GiB on Linux, and the
     * holder touches its memory with one read from /dev/zero.
     */
    static final long HOLDER_BYTES = 1L << 30;
    /**
     * The most the script holds: 1 TiB, 1024 holders, more than any node this runs on, which OOM-kills the
     * container or evicts the pod long before. A step of 8 EiB (a valid quantity) would be 8 billion holders,
     * a script no shell could read, and rendering it ran out of memory.
     */
    static final long MAX_HELD_BYTES = 1L << 40;

    /** Shell commands by time, in time order. */
    private final TreeMap<Long, List<String>> steps = new TreeMap<>();

    private Timeline() {}

    static Timeline of(InstanceBehaviour behaviour, Map<ProbeKind, ProbeEndpoint> endpoints) {
        Timeline timeline = new Timeline();
        endpoints.forEach((kind, endpoint) -> timeline.health(behaviour.health(kind), kind, endpoint));
        timeline.memory(behaviour);
        return timeline;
    }

    /** The commands due when the behaviour starts, joined; empty when there are none. */
    String atStart() {
        return String.join("; ", steps.getOrDefault(0L, List.of()));
    }

    /** The later commands, each time preceded by a pause until it; empty when there are none. */
    String later() {
        return steps.tailMap(0L, false).entrySet().stream()
                .map(e -> "pause_until " + e.getKey() + "; " + String.join("; ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private void health(Health health, ProbeKind kind, ProbeEndpoint endpoint) {
        SortedSet<Long> boundaries = new TreeSet<>(List.of(0L));
        for (Health.Window w : health.passing()) {
            boundaries.add(w.from().toMillis());
            if (w.until() != null) {
                boundaries.add(w.until().toMillis());
            }
        }
        boolean passing = false; // the main script removed the files of the previous instance
        for (long at : boundaries) {
            boolean passes = health.passesAtMillis(at);
            if (passes != passing) {
                add(at, then(passes ? "up " + kind : "down " + kind,
                        passes ? endpoint.startServing(kind) : endpoint.stopServing(kind)));
                passing = passes;
            }
        }
    }

    private static String then(String first, String second) {
        return second.isEmpty() ? first : first + "; " + second;
    }

    private void memory(InstanceBehaviour behaviour) {
        SortedSet<Long> boundaries = new TreeSet<>();
        for (MemoryUse step : behaviour.memory()) {
            boundaries.add(step.from().toMillis());
        }
        long held = 0;
        for (long at : boundaries) {
            long bytes = behaviour.memoryBytesAt(Duration.ofMillis(at));
            if (bytes != held) {
                add(at, hold(bytes));
                held = bytes;
            }
        }
    }

    /** {@code mem} with the sizes of the holders that together keep {@code bytes}. */
    private static String hold(long bytes) {
        StringBuilder command = new StringBuilder("mem");
        for (long left = Math.min(bytes, MAX_HELD_BYTES); left > 0; left -= HOLDER_BYTES) {
            command.append(' ').append(Math.min(left, HOLDER_BYTES));
        }
        return command.toString();
    }

    private void add(long at, String command) {
        steps.computeIfAbsent(at, t -> new ArrayList<>()).add(command);
    }
}
