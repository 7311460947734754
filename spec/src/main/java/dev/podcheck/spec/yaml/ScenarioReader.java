package dev.podcheck.spec.yaml;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads scenarios: Pod manifests (YAML, or JSON, which YAML includes), one or many documents
 * separated by {@code ---}, with behaviours and world events in the {@value Scenario#ANNOTATION}
 * annotation. Every failure is an {@link InputException} that names where and what.
 */
public final class ScenarioReader {
    /** The apiserver refuses request bodies over 3 MiB; a larger manifest cannot be a pod. */
    public static final long MAX_BYTES = 3L * 1024 * 1024;

    private static final String ANNOTATION_FIELD = "metadata.annotations[" + Scenario.ANNOTATION + "]";

    private ScenarioReader() {}

    public static List<Scenario> read(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw InputException.of(source, String.format(
                        "the file is %.1f MiB; a manifest larger than 3 MiB (the apiserver's request limit) is refused",
                        size / (1024.0 * 1024.0)));
            }
            return read(source, StandardCharsets.UTF_8.newDecoder().decode(
                    java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (NoSuchFileException e) {
            throw InputException.of(source, "no such file");
        } catch (CharacterCodingException e) {
            throw InputException.of(source, "not valid YAML: the file is not UTF-8 text");
        } catch (IOException e) {
            throw InputException.of(source, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads every document of {@code text}; {@code source} names it in errors. */
    public static List<Scenario> read(String source, String text) {
        if (text.length() > MAX_BYTES) {
            throw InputException.of(source, "the input is larger than 3 MiB (the apiserver's request limit)");
        }
        List<Scenario> scenarios = new ArrayList<>();
        try (JsonParser parser = Mappers.YAML.createParser(text)) {
            // Errors are translated while the parser is open: it still knows the offending token.
            try {
                // Documents follow each other in one token stream: the next one is not trailing garbage.
                ObjectReader pods = Mappers.YAML.readerFor(Pod.class)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.VALUE_NULL) {
                        continue; // an empty document, e.g. a trailing "---"
                    }
                    int line = parser.currentTokenLocation().getLineNr();
                    scenarios.add(toScenario(requirePod(pods.readValue(parser), source, line), source));
                }
            } catch (JacksonException e) {
                throw InputErrors.translate(e, source, "");
            }
        }
        if (scenarios.isEmpty()) {
            throw InputException.of(source, "no Pod manifest found: the input is empty");
        }
        return List.copyOf(scenarios);
    }

    /** Reads input that must hold exactly one scenario. */
    public static Scenario readOne(String source, String text) {
        List<Scenario> all = read(source, text);
        if (all.size() != 1) {
            throw InputException.of(source, "expected one Pod manifest, found " + all.size());
        }
        return all.get(0);
    }

    private static Pod requirePod(Pod pod, String source, int line) {
        if (!Pod.KIND.equals(pod.kind()) || !Pod.API_VERSION.equals(pod.apiVersion())) {
            throw new InputException(source, line, 0, "", "expected kind Pod with apiVersion v1, got kind "
                    + describe(pod.kind()) + " with apiVersion " + describe(pod.apiVersion()));
        }
        return pod;
    }

    private static String describe(String value) {
        return value == null ? "(none)" : value;
    }

    private static Scenario toScenario(Pod pod, String source) {
        String annotation = pod.metadata().annotations().get(Scenario.ANNOTATION);
        Pod plain = pod.withMetadata(pod.metadata().withAnnotation(Scenario.ANNOTATION, null));
        if (annotation == null || annotation.isBlank()) {
            return Scenario.of(plain);
        }
        String annotationSource = source + " (" + ANNOTATION_FIELD + ")";
        try (JsonParser parser = Mappers.YAML.createParser(annotation)) {
            try {
                ScenarioScript script = Mappers.YAML.readValue(parser, ScenarioScript.class);
                return script == null ? Scenario.of(plain) : new Scenario(plain, script.containers(), script.events());
            } catch (JacksonException e) {
                throw InputErrors.translate(e, annotationSource, ANNOTATION_FIELD);
            }
        }
    }
}
