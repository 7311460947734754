package dev.podcheck.cli;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.differential.Fact;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.spec.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A known-deviation file: the invariants a target is known to break, and the facts on which it is
 * known to differ from the reference (maybe only for a container kind or scenario features), each
 * with why.
 * <pre>
 * - id: restart/backoff
 *   reason: podman restarts an exited container at once
 * - id: differs/restart-interval
 *   reason: the same (D1)
 * - id: differs/start-interval
 *   kind: init
 *   features: [restartPolicy=Always]
 *   reason: D2
 * </pre>
 *
 * @param invariants  invariant ids with their reasons
 * @param differences the differential's known facts
 */
record KnownDeviations(Map<String, String> invariants, List<KnownDifference> differences) {
    static final KnownDeviations NONE = new KnownDeviations(Map.of(), List.of());

    KnownDeviations {
        invariants = Map.copyOf(invariants);
        differences = List.copyOf(differences);
    }

    static KnownDeviations read(Path file, Set<String> knownIds) {
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
        List<KnownDifference> facts = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
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
            String name = id.asString();
            if (name.equals(Differential.ID)) {
                throw new InputException(source, 0, 0, "[" + i + "].id", Differential.ID + " would excuse every "
                        + "difference from the reference; name the fact instead: " + Fact.ids());
            }
            if (Fact.byId(name).isPresent()) {
                facts.add(fact(source, i, entries.get(i), Fact.byId(name).get(), reason.asString()));
            } else if (knownIds.contains(name)) {
                out.put(name, reason.asString());
            } else {
                throw new InputException(source, 0, 0, "[" + i + "].id", "no invariant nor fact has the id \"" + name
                        + "\"; facts: " + Fact.ids());
            }
        }
        return new KnownDeviations(out, facts);
    }

    /** A fact entry, narrowed by {@code kind} and {@code features} (a list, or one name). */
    private static KnownDifference fact(String source, int i, JsonNode entry, Fact fact, String reason) {
        JsonNode kind = entry.get("kind");
        JsonNode features = entry.get("features");
        List<String> named = features == null ? List.of()
                : features.isArray() ? features.valueStream().map(JsonNode::asString).toList()
                : List.of(features.asString());
        try {
            return new KnownDifference(fact, kind == null ? null : kind.asString(), named, reason);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, 0, 0, "[" + i + "]", e.getMessage());
        }
    }
}
