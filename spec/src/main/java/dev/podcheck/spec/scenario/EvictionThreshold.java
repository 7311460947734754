package dev.podcheck.spec.scenario;

import dev.podcheck.spec.pod.Quantity;
import java.util.Optional;

/**
 * The value of a hard eviction threshold: a quantity, or a percentage of the signal's capacity
 * (pkg/kubelet/eviction/api/types.go ThresholdValue; "only the topmost non-zero field is used").
 *
 * <p>Stability: experimental.
 *
 * @param quantity the literal quantity, or null for a percentage
 * @param percentage the fraction of capacity (0.1 for "10%"), a float32 as in the kubelet
 */
public record EvictionThreshold(Quantity quantity, float percentage) {

    /** Default evictionHard memory.available on Linux (pkg/kubelet/eviction/defaults_linux.go). */
    public static final EvictionThreshold MEMORY_AVAILABLE = quantity(Quantity.parse("100Mi"));
    /** Default evictionHard nodefs.available on Linux (defaults_linux.go). */
    public static final EvictionThreshold NODEFS_AVAILABLE = new EvictionThreshold(null, 10f / 100f);
    /** Default evictionHard imagefs.available on Linux (defaults_linux.go). */
    public static final EvictionThreshold IMAGEFS_AVAILABLE = new EvictionThreshold(null, 15f / 100f);

    public EvictionThreshold {
        if (quantity == null && !(percentage > 0 && percentage < 1)) {
            throw new IllegalArgumentException("a percentage threshold lies strictly between 0% and 100%, got "
                    + percentage);
        }
        if (quantity != null && quantity.signum() <= 0) {
            // helpers.go parseThresholdStatement: "eviction threshold %v must be positive".
            throw new IllegalArgumentException("eviction threshold must be positive: " + quantity);
        }
    }

    public static EvictionThreshold quantity(Quantity quantity) {
        return new EvictionThreshold(quantity, 0f);
    }

    /**
     * Reads a threshold of {@code signal} as the kubelet config does (helpers.go parseThresholdStatement): "100Mi" or
     * "10%". Empty for "0%" and "100%", which the kubelet ignores rather than rejects.
     */
    public static Optional<EvictionThreshold> parse(String signal, String value) {
        if (!value.endsWith("%")) {
            Quantity quantity = Quantity.parse(value);
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("eviction threshold " + signal + " must be positive: " + value);
            }
            return Optional.of(quantity(quantity));
        }
        if (value.equals("0%") || value.equals("100%")) {
            return Optional.empty();
        }
        // parsePercentage: strconv.ParseFloat(s, 32) then float32(value) / 100, both in float32.
        float fraction;
        try {
            fraction = Float.parseFloat(value.substring(0, value.length() - 1)) / 100f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("eviction threshold " + signal + " is no percentage: " + value);
        }
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("eviction percentage threshold " + signal + " must be "
                    + (fraction < 0 ? ">= 0%: " : "<= 100%: ") + value);
        }
        return Optional.of(new EvictionThreshold(null, fraction));
    }

    /**
     * api/types.go GetThresholdQuantity: the quantity itself, or
     * NewQuantity(int64(float64(capacity.Value()) * float64(percentage)), BinarySI), truncated.
     */
    public Quantity valueFor(Quantity capacity) {
        if (quantity != null) {
            return quantity;
        }
        return Quantity.bytes((long) ((double) capacity.longValue() * (double) percentage));
    }

    @Override
    public String toString() {
        return quantity != null ? quantity.toString() : (percentage * 100) + "%";
    }
}
