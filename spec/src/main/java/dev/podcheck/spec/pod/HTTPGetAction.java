package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/** An HTTP GET; path and scheme are defaulted (D-6). Headers and other fields travel in extra. */
public record HTTPGetAction(
        String path,
        IntOrString port,
        String host,
        String scheme,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements Handler {

    public HTTPGetAction {
        extra = Immutables.map(extra);
    }

    public static HTTPGetAction of(String path, int port) {
        return new HTTPGetAction(path, IntOrString.of(port), null, null, Map.of());
    }

    public HTTPGetAction withDefaults(String defaultPath, String defaultScheme) {
        return new HTTPGetAction(path == null || path.isEmpty() ? defaultPath : path, port, host,
                scheme == null || scheme.isEmpty() ? defaultScheme : scheme, extra);
    }

    @Override
    public String fieldName() {
        return "httpGet";
    }
}
