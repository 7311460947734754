package dev.podcheck.adapters.render;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import java.util.List;
import java.util.function.Function;

/**
 * Which behaviour entry an instance follows, in shell: instance N (N from 0, read from the counter
 * in the report volume) follows the entry {@link ContainerBehaviour#forInstance} picks, so E is set
 * to that entry's index; then per-entry shell text is chosen with {@code case $E}.
 */
final class InstanceChoice {
    private InstanceChoice() {}

    /** Sets E from N: each entry covers the next {@code times} instances, the last one all later ones. */
    static String select(ContainerBehaviour behaviour) {
        StringBuilder out = new StringBuilder("E=0");
        List<InstanceBehaviour> entries = behaviour.instances();
        long first = 0;
        for (int i = 1; i < entries.size(); i++) {
            first += entries.get(i - 1).times();
            out.append("; [ $N -ge ").append(first).append(" ] && E=").append(i);
        }
        return out.append('\n').toString();
    }

    /**
     * {@code case $E in i) <text of entry i> ;; esac}, leaving out entries with no text; empty when no
     * entry has any.
     */
    static String perEntry(ContainerBehaviour behaviour, Function<InstanceBehaviour, String> text) {
        StringBuilder cases = new StringBuilder();
        List<InstanceBehaviour> entries = behaviour.instances();
        for (int i = 0; i < entries.size(); i++) {
            String body = text.apply(entries.get(i));
            if (!body.isEmpty()) {
                cases.append(i).append(") ").append(body).append(" ;;\n");
            }
        }
        return cases.isEmpty() ? "" : "case $E in\n" + cases + "esac\n";
    }
}
