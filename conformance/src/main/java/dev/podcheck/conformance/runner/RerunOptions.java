package dev.podcheck.conformance.runner;

import java.util.List;

/**
 * The options of the command line that change what a run does, as the user wrote them, for the
 * replay command every report prints: without them a pasted replay may draw other pods, run them
 * longer or on another cluster, and not reproduce.
 *
 * @param common     options of both {@code podcheck run} and {@code podcheck replay}: the horizon and
 *                   the target's own options ({@code --kubeconfig FILE}, {@code --kubernetes-version 1.33})
 * @param generation options of {@code podcheck run} alone, which decide which pods are drawn and how a
 *                   violation is shrunk: the size options, {@code --invariant}, {@code --shrink-attempts}
 *
 * <p>Stability: experimental.
 */
public record RerunOptions(List<String> common, List<String> generation) {
    /** A run the library started itself, with its plan's defaults: nothing to add. */
    public static final RerunOptions NONE = new RerunOptions(List.of(), List.of());

    public RerunOptions {
        common = List.copyOf(common);
        generation = List.copyOf(generation);
    }
}
