package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import java.util.Optional;

/** Container requests and limits by resource name (cpu, memory, ephemeral-storage, ...). */
public record ResourceRequirements(
        Map<String, Quantity> requests,
        Map<String, Quantity> limits,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final ResourceRequirements NONE = new ResourceRequirements(Map.of(), Map.of(), Map.of());

    /** A Jackson value filter: no requests, limits or other fields, so nothing worth writing. */
    public static final class None {
        @Override
        public boolean equals(Object value) {
            return NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    public ResourceRequirements {
        requests = Immutables.map(requests);
        limits = Immutables.map(limits);
        extra = Immutables.map(extra);
    }

    public static ResourceRequirements of(Map<String, Quantity> requests, Map<String, Quantity> limits) {
        return new ResourceRequirements(requests, limits, Map.of());
    }

    public Optional<Quantity> request(String resource) {
        return Optional.ofNullable(requests.get(resource));
    }

    public Optional<Quantity> limit(String resource) {
        return Optional.ofNullable(limits.get(resource));
    }

    public ResourceRequirements withExtra(Map<String, Object> value) {
        return new ResourceRequirements(requests, limits, value);
    }

    public ResourceRequirements withRequests(Map<String, Quantity> value) {
        return new ResourceRequirements(value, limits, extra);
    }
}
