package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pod metadata: identity, labels and annotations (the scenario annotation lives here). */
public record ObjectMeta(
        String name,
        String namespace,
        String uid,
        Map<String, String> labels,
        Map<String, String> annotations,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ObjectMeta {
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
        extra = Immutables.map(extra);
    }

    public static ObjectMeta named(String name) {
        return new ObjectMeta(name, null, null, Map.of(), Map.of(), Map.of());
    }

    public ObjectMeta withAnnotation(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(annotations);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new ObjectMeta(name, namespace, uid, labels, copy, extra);
    }
}
