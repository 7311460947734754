package dev.podcheck.conformance.cli;

import dev.podcheck.spec.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A known-deviation file: the invariants a target is known to break, each with why.
 * <pre>
 * - id: probe/liveness-threshold
 *   reason: podman runs no liveness probes without systemd
 * </pre>
 */
final class KnownDeviations {
    private KnownDeviations() {}

    static Map<String, String> read(Path file, Set<String> knownIds) {
        String source = file.toString();
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw InputException.of(source, "no such file");
        } catch (IOException | JacksonException e) {
            throw InputException.of(source, "not a known-deviation list: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isArray()) {
            throw InputException.of(source, "expected a list of {id, reason}");
        }
        List<JsonNode> entries = root.valueStream().toList();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode id = entries.get(i).get("id");
            JsonNode reason = entries.get(i).get("reason");
            if (id == null || !id.isString() || reason == null || !reason.isString()) {
                throw new InputException(source, 0, 0, "[" + i + "]", "each entry needs an id and a reason");
            }
            if (!knownIds.contains(id.asString())) {
                throw new InputException(source, 0, 0, "[" + i + "].id", "no invariant (nor differs-from-reference) has the id \"" + id.asString() + "\"");
            }
            out.put(id.asString(), reason.asString());
        }
        return out;
    }
}
