package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The pods and containers podcheck made, found by its run label and nothing else: podman's other
 * pods, even those named alike, are never touched. Pods go with their containers; a labelled
 * container outside any pod (none is made so, but a failed play may leave one) goes too.
 */
final class LabelledPods {
    /** What a listing prints per pod or container: its name and its run. */
    private static final String NAME_AND_RUN = " {{index .Labels \"" + PodmanManifest.RUN_LABEL + "\"}}";

    private LabelledPods() {}

    /**
     * Removes, at once (no grace), the labelled pods and containers of one run, or of every run
     * {@code removable} accepts.
     *
     * @param runId     the run's id, or null to list every run's
     * @param removable which runs' pods to remove, by run id
     * @return one line per pod or container removed
     */
    static List<String> remove(Podman podman, String runId, Predicate<String> removable) throws TargetException {
        String filter = "label=" + PodmanManifest.RUN_LABEL + (runId == null ? "" : "=" + runId);
        List<String> removed = new ArrayList<>();
        List<String> pods = names(podman.run(Podman.QUICK, "pod", "ps", "--filter", filter, "--format",
                "{{.Name}}" + NAME_AND_RUN), removable);
        if (!pods.isEmpty()) {
            podman.run(Podman.QUICK, args(List.of("pod", "rm", "--force", "--ignore", "-t", "0"), pods));
            pods.forEach(p -> removed.add("pod " + p));
        }
        List<String> containers = names(podman.run(Podman.QUICK, "ps", "--all", "--filter", filter, "--format",
                "{{.Names}}" + NAME_AND_RUN), removable);
        if (!containers.isEmpty()) {
            podman.run(Podman.QUICK, args(List.of("rm", "--force", "--ignore", "-t", "0"), containers));
            containers.forEach(c -> removed.add("container " + c));
        }
        return removed;
    }

    /** The names of the listed lines ("name run") whose run is removable. */
    private static List<String> names(String lines, Predicate<String> removable) {
        List<String> names = new ArrayList<>();
        for (String line : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] nameAndRun = line.split(" ", 2);
            if (removable.test(nameAndRun.length > 1 ? nameAndRun[1].strip() : "")) {
                names.add(nameAndRun[0]);
            }
        }
        return names;
    }

    private static String[] args(List<String> head, List<String> names) {
        List<String> all = new ArrayList<>(head);
        all.addAll(names);
        return all.toArray(String[]::new);
    }
}
