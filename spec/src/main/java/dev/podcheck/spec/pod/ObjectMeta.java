package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod metadata: identity, labels, annotations (the scenario annotation lives here) and finalizers,
 * which keep a deleted pod in the API until they are removed (SEMANTICS FZ-2).
 */
public record ObjectMeta(
        String name,
        String namespace,
        String uid,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> finalizers,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ObjectMeta {
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
        finalizers = Immutables.list(finalizers);
        extra = Immutables.map(extra);
    }

    public static ObjectMeta named(String name) {
        return new ObjectMeta(name, null, null, Map.of(), Map.of(), List.of(), Map.of());
    }

    public ObjectMeta withFinalizers(List<String> value) {
        return new ObjectMeta(name, namespace, uid, labels, annotations, value, extra);
    }

    public ObjectMeta withAnnotation(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(annotations);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new ObjectMeta(name, namespace, uid, labels, copy, finalizers, extra);
    }
}
