package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pods and containers podcheck made, found by its run label and nothing else: podman's other
 * pods, even those named alike, are never touched. Pods go with their containers; a labelled
 * container outside any pod (none is made so, but a failed play may leave one) goes too.
 */
final class LabelledPods {
    private LabelledPods() {}

    /**
     * Removes, at once (no grace), the labelled pods and containers of one run, or of every run.
     *
     * @param runId the run's id, or null for every run's
     * @return one line per pod or container removed
     */
    static List<String> remove(Podman podman, String runId) throws TargetException {
        String filter = "label=" + PodmanManifest.RUN_LABEL + (runId == null ? "" : "=" + runId);
        List<String> removed = new ArrayList<>();
        List<String> pods = names(podman.run(Podman.QUICK, "pod", "ps", "--filter", filter, "--format", "{{.Name}}"));
        if (!pods.isEmpty()) {
            podman.run(Podman.QUICK, args(List.of("pod", "rm", "--force", "--ignore", "-t", "0"), pods));
            pods.forEach(p -> removed.add("pod " + p));
        }
        List<String> containers = names(podman.run(Podman.QUICK, "ps", "--all", "--filter", filter, "--format",
                "{{.Names}}"));
        if (!containers.isEmpty()) {
            podman.run(Podman.QUICK, args(List.of("rm", "--force", "--ignore", "-t", "0"), containers));
            containers.forEach(c -> removed.add("container " + c));
        }
        return removed;
    }

    private static List<String> names(String lines) {
        return lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String[] args(List<String> head, List<String> names) {
        List<String> all = new ArrayList<>(head);
        all.addAll(names);
        return all.toArray(String[]::new);
    }
}
