package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A core/v1 Pod: the part that lifecycle semantics depend on. Every other field (status, volumes,
 * ports, ...) is kept in {@code extra} so that reading and writing a manifest loses nothing.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public record Pod(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        PodSpec spec,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Pod";

    public Pod {
        metadata = metadata == null ? ObjectMeta.named(null) : metadata;
        spec = spec == null ? PodSpec.empty() : spec;
        extra = Immutables.map(extra);
    }

    public static Pod of(ObjectMeta metadata, PodSpec spec) {
        return new Pod(API_VERSION, KIND, metadata, spec, Map.of());
    }

    public Pod withSpec(PodSpec newSpec) {
        return new Pod(apiVersion, kind, metadata, newSpec, extra);
    }

    public Pod withMetadata(ObjectMeta newMetadata) {
        return new Pod(apiVersion, kind, newMetadata, spec, extra);
    }
}
