package dev.podcheck.spec.yaml;

import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes scenarios back as canonical manifests: fields in API order, empty fields left out,
 * quantities in canonical form, behaviours without their default values.
 */
public final class ScenarioWriter {
    private static final JsonNode DEFAULT_INSTANCE = Mappers.YAML.valueToTree(InstanceBehaviour.DEFAULT);
    /** An image described by nothing but its absence: every field at its default. */
    private static final JsonNode DEFAULT_IMAGE = Mappers.YAML.valueToTree(new NodeImage(false, null, null, false));

    private ScenarioWriter() {}

    /** The pod's manifest; a node scenario's neighbours follow it as documents of their own (NodeDocuments). */
    public static String toYaml(Scenario scenario) {
        StringBuilder out = new StringBuilder(Mappers.YAML.writeValueAsString(toManifest(scenario)));
        scenario.neighbours().forEach(n -> out.append("---\n").append(Mappers.YAML.writeValueAsString(toManifest(n))));
        return out.toString();
    }

    /** Many scenarios as one YAML stream, documents separated by {@code ---}. */
    public static String toYaml(List<Scenario> scenarios) {
        return scenarios.stream().map(ScenarioWriter::toYaml).collect(Collectors.joining("---\n"));
    }

    public static String toJson(Scenario scenario) {
        return Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toManifest(scenario));
    }

    public static String toYaml(Pod pod) {
        return Mappers.YAML.writeValueAsString(pod);
    }

    /** The pod as submitted: the scenario annotation added when there is anything to say. */
    public static Pod toManifest(Scenario scenario) {
        ScenarioScript script = new ScenarioScript(scenario.behaviours(), scenario.events(), scenario.images(),
                scenario.neighbours().stream().map(n -> n.pod().metadata().name()).toList());
        if (script.isEmpty()) {
            return scenario.pod();
        }
        String text = Mappers.YAML.writeValueAsString(withoutDefaults(Mappers.YAML.valueToTree(script)));
        return scenario.pod().withMetadata(scenario.pod().metadata().withAnnotation(Scenario.ANNOTATION, text));
    }

    private static JsonNode withoutDefaults(JsonNode script) {
        JsonNode containers = script.get("containers");
        if (containers != null) {
            for (JsonNode instances : containers) {
                for (JsonNode instance : instances) {
                    removeDefaults((ObjectNode) instance, DEFAULT_INSTANCE);
                }
            }
        }
        JsonNode images = script.get("images");
        if (images != null) {
            images.forEach(image -> removeDefaults((ObjectNode) image, DEFAULT_IMAGE));
        }
        return script;
    }

    private static void removeDefaults(ObjectNode entry, JsonNode defaultEntry) {
        List<String> defaults = new ArrayList<>();
        entry.propertyNames().forEach(name -> {
            if (entry.get(name).equals(defaultEntry.get(name))) {
                defaults.add(name);
            }
        });
        entry.remove(defaults);
    }
}
