package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * From {@code at} on, the node's one filesystem (nodefs, which is also imagefs and containerfs: no dedicated image
 * filesystem, SEMANTICS LS-2) has {@code capacity} bytes, of which {@code available} are free before the pods write
 * (capacity less images, system files and whatever else lies outside pods, as allocatable is for memory); the pods'
 * disk use (their containers' writable layers and logs, their emptyDirs on disk) takes the rest (SEMANTICS NP-7).
 * {@code evictionThreshold} is evictionHard's nodefs.available, a quantity or a percentage of capacity; when none is
 * named the kubelet's defaults hold, nodefs.available&lt;10% and imagefs.available&lt;15% (defaults_linux.go), and
 * imagefs observes the same filesystem, so the node is under disk pressure below 15%. Naming one replaces the default
 * map (E-2), so imagefs.available then has none.
 */
public record NodeDiskPressure(Duration at, Quantity capacity, Quantity available, String evictionThreshold)
        implements WorldEvent {
    /** The signal named by {@code evictionThreshold}. */
    public static final String NODEFS = "nodefs.available";
    /** The image filesystem's signal, the same filesystem here. */
    public static final String IMAGEFS = "imagefs.available";

    public NodeDiskPressure {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
        if (capacity == null || capacity.signum() <= 0) {
            throw new IllegalArgumentException("capacity must be a positive quantity, got " + capacity);
        }
        if (available == null || available.signum() < 0 || available.compareTo(capacity) > 0) {
            throw new IllegalArgumentException("available must be a quantity from 0 to capacity " + capacity + ", got "
                    + available);
        }
        if (evictionThreshold != null) {
            EvictionThreshold.parse(NODEFS, evictionThreshold); // the kubelet refuses to start with a bad one
        }
    }

    /** One hard threshold of a disk signal. */
    public record Threshold(String signal, EvictionThreshold value) {}

    /** The hard thresholds on the filesystem, nodefs.available's first (the order the engine names them in). */
    public List<Threshold> thresholds() {
        if (evictionThreshold == null) {
            return List.of(new Threshold(NODEFS, EvictionThreshold.NODEFS_AVAILABLE),
                    new Threshold(IMAGEFS, EvictionThreshold.IMAGEFS_AVAILABLE));
        }
        return EvictionThreshold.parse(NODEFS, evictionThreshold).map(t -> List.of(new Threshold(NODEFS, t)))
                .orElse(List.of());
    }

    /**
     * The bytes available once the pods use {@code podBytes}: a filesystem's free space does not go below zero (a write
     * past it fails with ENOSPC).
     */
    public long availableWith(long podBytes) {
        return Math.max(0, available.longValue() - podBytes);
    }

    /**
     * The first threshold met (thresholdsMet with OpLessThan: the threshold's quantity for the capacity above what is
     * available) when the pods use {@code podBytes}, with its quantity; empty when none is.
     */
    public Optional<Quantity> thresholdMet(long podBytes) {
        long free = availableWith(podBytes);
        return thresholds().stream().map(t -> t.value().valueFor(capacity))
                .filter(q -> q.longValue() > free).findFirst();
    }
}
