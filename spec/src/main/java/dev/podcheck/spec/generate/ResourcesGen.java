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
 * that decide the QoS class (SEMANTICS 3a): nothing, requests without limits (Burstable),
 * limits only (requests default from them, D-9: Guaranteed when cpu and memory both have one),
 * and zero requests.
 */
final class ResourcesGen {
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
            add(ResourceRequirements.CPU, "m", size.maxCpuMillis(), requests, limits, c);
            add(ResourceRequirements.MEMORY, "Mi", size.maxMemoryMi() / 2, requests, limits, c);
            return ResourceRequirements.of(requests, limits);
        };
    }

    private ResourcesGen() {}

    private static void add(String resource, String unit, int max, Map<String, Quantity> requests,
                            Map<String, Quantity> limits, Choices c) {
        Shape shape = SHAPES.generate(c);
        switch (shape) {
            case NONE -> { }
            case REQUEST_ONLY -> requests.put(resource, amount(unit, max, c));
            case LIMIT_ONLY -> limits.put(resource, amount(unit, max, c));
            case EQUAL -> {
                Quantity q = amount(unit, max, c);
                requests.put(resource, q);
                limits.put(resource, q);
            }
            case REQUEST_BELOW_LIMIT -> {
                long request = Gen.longs(1, max - 1).generate(c);
                requests.put(resource, Quantity.parse(request + unit));
                limits.put(resource, Quantity.parse(Gen.longs(request + 1, max).generate(c) + unit));
            }
            case ZERO_REQUEST -> requests.put(resource, Quantity.ZERO);
        }
    }

    private static Quantity amount(String unit, int max, Choices c) {
        return Quantity.parse(Gen.longs(1, max, Math.min(100, max)).generate(c) + unit);
    }
}
