package dev.podcheck.spec.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The shape limits of a YAML text, checked on its event stream before anything builds a tree of it: the
 * parser keeps its own stack, while building and walking a tree recurse (a few thousand brackets overflow
 * the JVM's stack), and aliases multiply what is walked (ten nested aliases of ten are 10^10 nodes).
 */
final class YamlLimits {
    /** Deeper than any Pod field (managedFields' fieldsV1 included) by far. */
    static final int MAX_DEPTH = 100;
    /** Anchors and aliases are rare in manifests; kubectl's own decoder bounds them too (yaml.v2 alias ratio). */
    static final int MAX_ALIASES = 100;
    /** Nodes of one document as if each alias were written out. */
    static final long MAX_NODES = 100_000;

    private YamlLimits() {}

    /** Throws an {@link InputException} at the first place where {@code text} passes a limit. */
    static void check(String text, String source, LoadSettings settings) {
        Walk walk = new Walk(source);
        for (Event event : new Parse(settings).parseString(text)) {
            walk.accept(event);
        }
    }

    private static final class Walk {
        private final String source;
        private final Deque<Open> open = new ArrayDeque<>();
        private final Map<Anchor, Long> sizes = new HashMap<>();
        private long nodes;
        private int aliases;

        Walk(String source) {
            this.source = source;
        }

        private record Open(Anchor anchor, long nodesBefore) {}

        void accept(Event event) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    nodes = 0;
                    aliases = 0;
                    sizes.clear();
                }
                case Scalar -> {
                    nodes++;
                    ((NodeEvent) event).getAnchor().ifPresent(a -> sizes.put(a, 1L));
                }
                case MappingStart, SequenceStart -> {
                    open.push(new Open(((NodeEvent) event).getAnchor().orElse(null), nodes));
                    nodes++;
                    if (open.size() > MAX_DEPTH) {
                        throw fail(event, "nested more than " + MAX_DEPTH + " levels deep");
                    }
                }
                case MappingEnd, SequenceEnd -> {
                    Open closed = open.pop();
                    if (closed.anchor() != null) {
                        sizes.put(closed.anchor(), nodes - closed.nodesBefore());
                    }
                }
                case Alias -> {
                    if (++aliases > MAX_ALIASES) {
                        throw fail(event, "more than " + MAX_ALIASES + " aliases in one document");
                    }
                    nodes += sizes.getOrDefault(((AliasEvent) event).getAlias(), 1L);
                }
                default -> { }
            }
            if (nodes > MAX_NODES) {
                throw fail(event, "more than " + MAX_NODES + " values in one document, counting each alias as written out");
            }
        }

        private InputException fail(Event event, String problem) {
            Mark at = event.getStartMark().orElse(null);
            return new InputException(source, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1, "",
                    "not valid YAML for podcheck: " + problem);
        }
    }
}
