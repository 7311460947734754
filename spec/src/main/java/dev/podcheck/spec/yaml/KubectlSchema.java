package dev.podcheck.spec.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * {@code app: yes} is a boolean where a string belongs (kubectl refuses the file), and a key {@code on:} is "true";
 * an integer is what Go's strconv.ParseInt(s, 0, 64) makes of it without underscores, so {@code defaultMode: 0644} is
 * 420, {@code 0b111} 7 and {@code 1_000} 1000 (kube-apiserver v1.34.4 stored exactly these for a kubectl create).
 * The rest is the YAML 1.2 core schema podcheck reads otherwise. The scenario annotation is podcheck's own and
 * kubectl never parses it: it stays YAML 1.2.
 */
final class KubectlSchema extends CoreSchema {
    static final KubectlSchema INSTANCE = new KubectlSchema();

    /** go-yaml v2's resolve table, booleans: only these spellings, not "tRUE" or "YeS". */
    private static final Pattern TRUE = Pattern.compile("y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON");
    private static final Pattern FALSE = Pattern.compile("n|N|no|No|NO|false|False|FALSE|off|Off|OFF");
    /** A Go integer literal once underscores are gone: binary, octal (0644 or 0o644), hexadecimal or decimal. */
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)");

    private final ScalarResolver core = OneResolverCoreSchema.INSTANCE.getScalarResolver();
    private final ScalarResolver resolver = (value, implicit) -> {
        if (implicit && (TRUE.matcher(value).matches() || FALSE.matcher(value).matches())) {
            return Tag.BOOL;
        }
        return implicit && INTEGER.matcher(value.replace("_", "")).matches() ? Tag.INT : core.resolve(value, implicit);
    };

    private KubectlSchema() {}

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }

    /** Whether kubectl would read this text, written plain, as something other than a string: it must be quoted. */
    static boolean isNoStringToKubectl(String text) {
        return INSTANCE.resolver.resolve(text, true) != Tag.STR;
    }

    /** A scalar's text as JSON has it: a boolean is "true" or "false", an integer decimal, however it was spelled. */
    static String text(ScalarNode scalar) {
        if (scalar.getTag().equals(Tag.BOOL)) {
            return TRUE.matcher(scalar.getValue()).matches() ? "true" : "false";
        }
        return scalar.getTag().equals(Tag.INT) ? goInteger(scalar.getValue()).toString() : scalar.getValue();
    }

    /** What YAML 1.1 makes of a scalar that YAML 1.2 reads otherwise ("a boolean" for yes), to say so in an error. */
    static Optional<String> yaml11Reading(Node node) {
        if (!(node instanceof ScalarNode s) || text(s).equals(s.getValue())) {
            return Optional.empty();
        }
        return Optional.of(s.getTag().equals(Tag.BOOL) ? "a boolean" : "a number");
    }

    /** Rewrites every boolean and integer of the tree, keys included, to the JSON text kubectl sends. */
    static Node canonical(Node node) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.BOOL) || s.getTag().equals(Tag.INT))) {
            return new ScalarNode(s.getTag(), true, text(s), ScalarStyle.PLAIN, s.getStartMark(), s.getEndMark());
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

    // strconv.ParseInt(strings.Replace(s, "_", "", -1), 0, 64), as go-yaml v2's resolve calls it.
    private static BigInteger goInteger(String literal) {
        String s = literal.replace("_", "");
        boolean negative = s.startsWith("-");
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        BigInteger value;
        if (digits.length() > 2 && "bBoOxX".indexOf(digits.charAt(1)) >= 0 && digits.charAt(0) == '0') {
            int radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'b' -> 2;
                case 'o' -> 8;
                default -> 16;
            };
            value = new BigInteger(digits.substring(2), radix);
        } else if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
            value = new BigInteger(digits.substring(1), 8);
        } else {
            value = new BigInteger(digits); // 08 and 09: no octal to Go, but a float of the same value to go-yaml
        }
        return negative ? value.negate() : value;
    }
}
