package dev.podcheck.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code -o text|json|yaml}, as kubectl's {@code -o}: text for a person, JSON and YAML for a program.
 * The YAML is the JSON form written as YAML, so both say the same thing in the same fields.
 */
enum OutputFormat {
    text, json, yaml;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A value (lists, maps, strings) as this format asks, for a program to read. */
    String value(Object value) {
        return machine(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    /** The YAML document of a JSON text, with its {@code ---} start marker so documents can follow each other. */
    static String yamlOf(String json) {
        JsonNode tree = JSON.readTree(json);
        return YAML.writeValueAsString(tree);
    }

    /**
     * A manifest written as YAML, as this format asks: a manifest's text is its YAML, so text and yaml
     * give the YAML document (starting with {@code ---} when {@code separate}), json one JSON object.
     */
    String manifest(String yaml, boolean separate) {
        if (this == json) {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(YAML.readTree(yaml)) + "\n";
        }
        return separate && !yaml.startsWith("---") ? "---\n" + yaml : yaml;
    }

    /** A JSON text as this format asks: as it is for json, as a YAML document for yaml. */
    String machine(String json) {
        return this == yaml ? yamlOf(json) : json.endsWith("\n") ? json : json + "\n";
    }
}
