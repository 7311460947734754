package dev.podcheck.spec.yaml;

import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a node scenario's documents into one (SEMANTICS NP-1): a pod whose annotation says
 * {@code neighbours: [a, b]} is followed by the Pod documents named {@code a} and {@code b}, in that order,
 * which are the other pods on its node. Their annotations carry their containers' behaviours only.
 */
final class NodeDocuments {
    static final String MISSING = "neighbours names pod \"%s\", but %s";

    private NodeDocuments() {}

    static List<Manifest> group(List<Document> documents, String source) {
        List<Manifest> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document first = documents.get(i);
            List<Scenario> neighbours = new ArrayList<>();
            List<StrictDecodingError> strictErrors = new ArrayList<>(first.manifest().strictErrors());
            for (String name : first.neighbours()) {
                i++;
                if (i == documents.size()) {
                    throw new InputException(source, first.line(), 0, "", String.format(MISSING, name,
                            "no document follows"));
                }
                Document next = documents.get(i);
                Scenario neighbour = next.manifest().scenario();
                if (!name.equals(neighbour.pod().metadata().name())) {
                    throw new InputException(source, next.line(), 0, "", String.format(MISSING, name,
                            "the next document is pod \"" + neighbour.pod().metadata().name() + "\""));
                }
                if (!next.neighbours().isEmpty() || !neighbour.events().isEmpty()) {
                    throw new InputException(source, next.line(), 0, "", "pod \"" + name + "\" is a neighbour:"
                            + " its annotation holds its containers' behaviours only; the node's world events"
                            + " are the first pod's");
                }
                neighbours.add(neighbour);
                strictErrors.addAll(next.manifest().strictErrors());
            }
            Manifest manifest = first.manifest();
            out.add(neighbours.isEmpty() ? manifest : new Manifest(manifest.source(),
                    manifest.scenario().withNeighbours(neighbours), strictErrors, manifest.positions()));
        }
        return List.copyOf(out);
    }
}
