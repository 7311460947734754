package dev.podcheck.spec.generate;

import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests and limits per resource, always with request <= limit. Weighted toward the shapes
 * that decide the QoS class (SEMANTICS Q-1..Q-3): nothing, requests without limits (Burstable),
 * limits only (requests default from them, D-9: Guaranteed when cpu and memory both have one),
 * and zero requests. Memory limits are never below {@link #MEMORY_LIMIT_FLOOR_MI}.
 */
final class ResourcesGen {
    /**
     * The smallest memory limit drawn, in Mi. No real runtime starts a pod under a few MiB: on kubelet v1.34 with
     * containerd and runc, pods limited to 1, 2 or 3 Mi never left ContainerCreating ("container init was OOM-killed
     * (memory limit too low?)" creating the sandbox), 4 Mi and more ran. The QoS class is decided by the shape of
     * requests and limits, never their size, and OOM kills come from use above the limit, so the reference loses
     * nothing.
     */
    static final int MEMORY_LIMIT_FLOOR_MI = 8;

    private enum Shape { NONE, REQUEST_ONLY, LIMIT_ONLY, EQUAL, REQUEST_BELOW_LIMIT, ZERO_REQUEST }

    private static final Gen<Shape> SHAPES = Gen.frequency(
            Weighted.just(12, Shape.NONE), Weighted.just(2, Shape.REQUEST_ONLY), Weighted.just(2, Shape.LIMIT_ONLY),
            Weighted.just(1, Shape.EQUAL), Weighted.just(1, Shape.REQUEST_BELOW_LIMIT),
            Weighted.just(1, Shape.ZERO_REQUEST));

    /** Up to {@code size}'s caps: cpu to maxCpuMillis, memory to half of maxMemoryMi. */
    static Gen<ResourceRequirements> resources(Size size) {
        return c -> {
            Map<String, Quantity> requests = new LinkedHashMap<>();
            Map<String, Quantity> limits = new LinkedHashMap<>();
            add(ResourceRequirements.CPU, "m", 1, size.maxCpuMillis(), requests, limits, c);
            int maxMemory = size.maxMemoryMi() / 2;
            add(ResourceRequirements.MEMORY, "Mi", Math.min(MEMORY_LIMIT_FLOOR_MI, maxMemory), maxMemory, requests,
                    limits, c);
            return ResourceRequirements.of(requests, limits);
        };
    }

    private ResourcesGen() {}

    /** A shape for {@code resource}, its limit at least {@code leastLimit} (which is below {@code max}). */
    private static void add(String resource, String unit, int leastLimit, int max, Map<String, Quantity> requests,
                            Map<String, Quantity> limits, Choices c) {
        Shape shape = SHAPES.generate(c);
        switch (shape) {
            case NONE -> { }
            case REQUEST_ONLY -> requests.put(resource, amount(unit, 1, max, c));
            case LIMIT_ONLY -> limits.put(resource, amount(unit, leastLimit, max, c));
            case EQUAL -> {
                Quantity q = amount(unit, leastLimit, max, c);
                requests.put(resource, q);
                limits.put(resource, q);
            }
            case REQUEST_BELOW_LIMIT -> {
                long request = Gen.longs(1, max - 1).generate(c);
                requests.put(resource, Quantity.parse(request + unit));
                limits.put(resource, Quantity.parse(Gen.longs(Math.max(request + 1, leastLimit), max).generate(c) + unit));
            }
            case ZERO_REQUEST -> requests.put(resource, Quantity.ZERO);
        }
    }

    private static Quantity amount(String unit, int least, int max, Choices c) {
        return Quantity.parse(Gen.longs(least, max, Math.max(least, Math.min(100, max))).generate(c) + unit);
    }
}
