package dev.podcheck.spec.yaml;

import java.util.List;

/** One Pod document as read, where it starts, and the neighbours its annotation names (see {@link NodeDocuments}). */
record Document(Manifest manifest, int line, List<String> neighbours) {
    Document {
        neighbours = List.copyOf(neighbours);
    }
}
