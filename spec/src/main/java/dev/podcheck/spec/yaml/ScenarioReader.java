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
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Present;
import org.snakeyaml.engine.v2.api.lowlevel.Serialize;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Reads scenarios: Pod manifests (YAML, or JSON, which YAML includes), one or many documents
 * separated by {@code ---}, with behaviours and world events in the {@value Scenario#ANNOTATION}
 * annotation. A pod whose annotation names neighbours takes the documents after it as the other pods on its
 * node ({@link NodeDocuments}). Every failure is an {@link InputException} that names where and what.
 */
public final class ScenarioReader {
    /** The apiserver refuses request bodies over 3 MiB; a larger manifest cannot be a pod. */
    public static final long MAX_BYTES = 3L * 1024 * 1024;

    private static final String ANNOTATION_FIELD = "metadata.annotations[" + Scenario.ANNOTATION + "]";
    /** objectmeta.go TotalAnnotationSizeLimitB: every annotation of a pod, keys and values, together. */
    private static final int ANNOTATIONS_LIMIT = 256 * 1024;

    // Scalars as kubectl reads them (YAML 1.1 booleans, KubectlSchema); duplicates are kept for strict decoding to find.
    private static final LoadSettings LOAD = LoadSettings.builder()
            .setSchema(KubectlSchema.INSTANCE).setAllowDuplicateKeys(true).setCodePointLimit((int) MAX_BYTES + 1)
            .setMaxAliasesForCollections(YamlLimits.MAX_ALIASES).setBufferSize(Mappers.READ_BUFFER).build();
    // No folding of long scalars: the text Jackson reads holds every scalar exactly as written.
    private static final DumpSettings DUMP = DumpSettings.builder()
            .setSchema(OneResolverCoreSchema.INSTANCE).setWidth(Integer.MAX_VALUE).setSplitLines(false).build();

    private ScenarioReader() {}

    /** Reads every document of {@code file} strictly (kubectl's default). */
    public static List<Scenario> read(Path file) {
        return read(file.toString(), readText(file));
    }

    private static String readText(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw InputException.of(source, String.format(
                        "the file is %.1f MiB; a manifest larger than 3 MiB (the apiserver's request limit) is refused",
                        size / (1024.0 * 1024.0)));
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw InputException.of(source, "no such file");
        } catch (CharacterCodingException e) {
            throw InputException.of(source, "not valid YAML: the file is not UTF-8 text");
        } catch (IOException e) {
            throw InputException.of(source, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads every document of {@code text} strictly (kubectl's default); {@code source} names it in errors. */
    public static List<Scenario> read(String source, String text) {
        return readManifests(source, text).stream().map(Manifest::strictScenario).toList();
    }

    /** Every document of {@code file} with what strict decoding finds in it, for a caller that decides how strict to be. */
    public static List<Manifest> readManifests(Path file) {
        return readManifests(file.toString(), readText(file));
    }

    /** Every document of {@code text} with what strict decoding finds in it. */
    public static List<Manifest> readManifests(String source, String text) {
        if (text.length() > MAX_BYTES) {
            throw InputException.of(source, "the input is larger than 3 MiB (the apiserver's request limit)");
        }
        List<Document> documents = new ArrayList<>();
        try {
            YamlLimits.check(text, source, LOAD);
            for (Node document : new Compose(LOAD).composeAllFromString(text)) {
                if (!(document instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) { // an empty document, e.g. a trailing "---"
                    documents.add(manifest(document, source));
                }
            }
        } catch (YamlEngineException e) {
            throw notYaml(e, source);
        }
        if (documents.isEmpty()) {
            throw InputException.of(source, "no Pod manifest found: the input is empty");
        }
        return NodeDocuments.group(documents, source);
    }

    private static InputException notYaml(YamlEngineException e, String source) {
        if (e instanceof MarkedYamlEngineException marked) {
            int line = marked.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int column = marked.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            return new InputException(source, line, column, "", "not valid YAML: " + marked.getProblem());
        }
        return InputException.of(source, "not valid YAML: " + e.getMessage());
    }

    /** Reads input that must hold exactly one scenario. */
    public static Scenario readOne(String source, String text) {
        List<Scenario> all = read(source, text);
        if (all.size() != 1) {
            throw InputException.of(source, "expected one Pod manifest, found " + all.size());
        }
        return all.get(0);
    }

    // Strict decoding first (it also drops what a lenient decode drops), then binding what is left: Jackson
    // reads the checked tree written out again, and its errors are placed by field in the original text.
    private static Document manifest(Node document, String source) {
        int line = document.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        if (!(document instanceof MappingNode pod)) {
            int column = document.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
            throw new InputException(source, line, column, "",
                    "expected a Pod manifest (a mapping), got " + StrictDecoding.describe(document));
        }
        requirePod(pod, source, line);
        StrictDecoding.Result strict = StrictDecoding.check(pod, source);
        KubectlSchema.canonical(pod); // Jackson reads YAML 1.2: a `yes` it would take for a string is written `true`
        String checked = new Present(DUMP).emitToString(new Serialize(DUMP).serializeOne(pod).iterator());
        Pod bound;
        try (JsonParser parser = Mappers.YAML.createParser(checked)) {
            bound = Mappers.YAML.readerFor(Pod.class).readValue(parser);
        } catch (JacksonException e) {
            throw InputErrors.translate(e, source, "", strict.positions());
        }
        ScenarioScript script = script(bound, source);
        Pod plain = bound.withMetadata(bound.metadata().withAnnotation(Scenario.ANNOTATION, null));
        Scenario scenario = script == null ? Scenario.of(plain)
                : new Scenario(plain, script.containers(), script.events(), script.images());
        return new Document(new Manifest(source, scenario, strict.errors(), strict.positions()), line,
                script == null ? List.of() : script.neighbours());
    }

    private static void requirePod(MappingNode pod, String source, int line) {
        String kind = scalar(pod, "kind");
        String apiVersion = scalar(pod, "apiVersion");
        if (!Pod.KIND.equals(kind) || !Pod.API_VERSION.equals(apiVersion)) {
            throw new InputException(source, line, 0, "", "expected kind Pod with apiVersion v1, got kind "
                    + describe(kind) + " with apiVersion " + describe(apiVersion));
        }
    }

    // The last value of a top-level field, as decoding keeps it; null if absent or not text.
    private static String scalar(MappingNode node, String field) {
        String value = null;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(field)) {
                value = tuple.getValueNode() instanceof ScalarNode v && v.getTag().equals(Tag.STR) ? v.getValue() : null;
            }
        }
        return value;
    }

    private static String describe(String value) {
        return value == null ? "(none)" : value;
    }

    /** The scenario annotation's content; null when there is none. */
    private static ScenarioScript script(Pod pod, String source) {
        String annotation = pod.metadata().annotations().get(Scenario.ANNOTATION);
        if (annotation == null || annotation.isBlank()) {
            return null;
        }
        String annotationSource = source + " (" + ANNOTATION_FIELD + ")";
        if (annotation.getBytes(StandardCharsets.UTF_8).length > ANNOTATIONS_LIMIT) {
            // The apiserver refuses the pod whatever the script says (objectmeta.go ValidateAnnotationsSize), and a
            // script that large is not worth reading: a 2.3 MB one took seconds to read, and more to print back.
            throw InputException.of(annotationSource, "metadata.annotations: Too long: may not be more than "
                    + ANNOTATIONS_LIMIT + " bytes");
        }
        try {
            YamlLimits.check(annotation, annotationSource, LOAD);
        } catch (YamlEngineException e) {
            throw notYaml(e, annotationSource);
        }
        try (JsonParser parser = Mappers.YAML.createParser(annotation)) {
            try {
                return Mappers.YAML.readValue(parser, ScenarioScript.class);
            } catch (JacksonException e) {
                throw InputErrors.translate(e, annotationSource, ANNOTATION_FIELD);
            }
        }
    }
}
