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
    /** Which runs' pods may go: by run id and state folder id ("" when a pod has no state label). */
    interface Removable {
        boolean test(String runId, String stateId);
    }

    /** What a listing prints per pod or container after its name: its run and its state folder. */
    private static final String NAME_AND_RUN = " {{index .Labels \"" + PodmanManifest.RUN_LABEL + "\"}}"
            + " {{index .Labels \"" + PodmanManifest.STATE_LABEL + "\"}}";

    private LabelledPods() {}

    /**
     * Removes, at once (no grace), the labelled pods and containers of one run, or of every run
     * {@code removable} accepts.
     *
     * @param runId     the run's id, or null to list every run's
     * @param removable which runs' pods to remove, by run id
     * @return one line per pod or container removed
     */
    static List<String> remove(Podman podman, String runId, Removable removable) throws TargetException {
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

    /**
     * The names of the listed lines ("name run state") whose run is removable. podman prints
     * "&lt;no value&gt;" for a label a pod lacks: read as "".
     */
    private static List<String> names(String lines, Removable removable) {
        List<String> names = new ArrayList<>();
        for (String line : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] fields = line.split("\\s+");
            if (removable.test(field(fields, 1), field(fields, 2))) {
                names.add(fields[0]);
            }
        }
        return names;
    }

    private static String field(String[] fields, int at) {
        return fields.length > at && !fields[at].equals("<no") ? fields[at] : "";
    }

    private static String[] args(List<String> head, List<String> names) {
        List<String> all = new ArrayList<>(head);
        all.addAll(names);
        return all.toArray(String[]::new);
    }
}
