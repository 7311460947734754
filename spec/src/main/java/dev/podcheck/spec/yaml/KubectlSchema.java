package dev.podcheck.spec.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The scalars of a manifest as kubectl reads them. kubectl converts YAML to JSON with sigs.k8s.io/yaml, whose
 * go-yaml v2 resolves plain scalars by YAML 1.1: an unquoted {@code y}, {@code yes}, {@code on} (and their
 * capitalisations, and {@code n}, {@code no}, {@code off}) is a boolean, so {@code hostNetwork: yes} is true and
 * {@code app: yes} is a boolean where a string belongs (kubectl refuses the file), and a key {@code on:} is "true".
 * The rest is the YAML 1.2 core schema podcheck reads otherwise (see README "Admission" for what else YAML 1.1 differs
 * in). The scenario annotation is podcheck's own and kubectl never parses it: it stays YAML 1.2.
 */
final class KubectlSchema extends CoreSchema {
    static final KubectlSchema INSTANCE = new KubectlSchema();

    /** go-yaml v2's resolve table, booleans: only these spellings, not "tRUE" or "YeS". */
    private static final Pattern TRUE = Pattern.compile("y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON");
    private static final Pattern FALSE = Pattern.compile("n|N|no|No|NO|false|False|FALSE|off|Off|OFF");

    private final ScalarResolver core = OneResolverCoreSchema.INSTANCE.getScalarResolver();
    private final ScalarResolver resolver = (value, implicit) ->
            implicit && (TRUE.matcher(value).matches() || FALSE.matcher(value).matches()) ? Tag.BOOL : core.resolve(value, implicit);

    private KubectlSchema() {}

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }

    /** A scalar's text as JSON has it: a boolean is "true" or "false" however it was spelled. */
    static String text(ScalarNode scalar) {
        if (!scalar.getTag().equals(Tag.BOOL)) {
            return scalar.getValue();
        }
        return TRUE.matcher(scalar.getValue()).matches() ? "true" : "false";
    }

    /** Whether a scalar is a boolean only to YAML 1.1 ({@code yes}, not {@code true}): worth a word in an error. */
    static boolean isYaml11Only(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL) && !List.of("true", "false").contains(s.getValue());
    }

    /** Rewrites every boolean of the tree, keys included, to "true" or "false", which any YAML reader reads alike. */
    static Node canonical(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return new ScalarNode(Tag.BOOL, true, text(s), ScalarStyle.PLAIN, s.getStartMark(), s.getEndMark());
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = new ArrayList<>();
            mapping.getValue().forEach(t -> tuples.add(new NodeTuple(canonical(t.getKeyNode()), canonical(t.getValueNode()))));
            mapping.setValue(tuples);
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().replaceAll(KubectlSchema::canonical);
        }
        return node;
    }
}
