package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Quantity;
import java.util.Optional;

/**
 * The value of a memory.available threshold: a quantity, or a percentage of capacity
 * (pkg/kubelet/eviction/api/types.go ThresholdValue; "only the topmost non-zero field is used").
 *
 * @param quantity the literal quantity, or null for a percentage
 * @param percentage the fraction of capacity (0.1 for "10%"), a float32 as in the kubelet
 */
public record MemoryThreshold(Quantity quantity, float percentage) {

    /** Default evictionHard memory.available on Linux (pkg/kubelet/eviction/defaults_linux.go). */
    public static final MemoryThreshold DEFAULT_HARD = quantity(Quantity.parse("100Mi"));

    public MemoryThreshold {
        if (quantity == null && !(percentage > 0 && percentage < 1)) {
            throw new IllegalArgumentException("a percentage threshold lies strictly between 0% and 100%, got "
                    + percentage);
        }
        if (quantity != null && quantity.signum() <= 0) {
            // helpers.go parseThresholdStatement: "eviction threshold %v must be positive".
            throw new IllegalArgumentException("eviction threshold memory.available must be positive: " + quantity);
        }
    }

    public static MemoryThreshold quantity(Quantity quantity) {
        return new MemoryThreshold(quantity, 0f);
    }

    /**
     * Reads a threshold as the kubelet config does (helpers.go parseThresholdStatement): "100Mi" or
     * "10%". Empty for "0%" and "100%", which the kubelet ignores rather than rejects.
     */
    public static Optional<MemoryThreshold> parse(String value) {
        if (!value.endsWith("%")) {
            return Optional.of(quantity(Quantity.parse(value)));
        }
        if (value.equals("0%") || value.equals("100%")) {
            return Optional.empty();
        }
        // parsePercentage: strconv.ParseFloat(s, 32) then float32(value) / 100, both in float32.
        float fraction = Float.parseFloat(value.substring(0, value.length() - 1)) / 100f;
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("eviction percentage threshold memory.available must be "
                    + (fraction < 0 ? ">= 0%: " : "<= 100%: ") + value);
        }
        return Optional.of(new MemoryThreshold(null, fraction));
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
