package dev.podcheck.conformance.invariant.update;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.invariant.TraceQueries;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodUpdated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The accepted updates that changed a container's image, and the kills they cause (SEMANTICS SU-2). */
public final class ImageChanges {
    /** One container's image changed by an update. */
    record Change(PodUpdated update, String container) {}

    private ImageChanges() {}

    /** Every image change in trace order, worked out once per trial. */
    static List<Change> of(Observed trial) {
        return trial.index().derived(Change.class, () -> changes(trial));
    }

    /** An update that names a container's current image changes nothing. */
    private static List<Change> changes(Observed trial) {
        Map<String, String> images = new HashMap<>();
        trial.scenario().pod().spec().allContainers().forEach(c -> images.put(c.name(), c.image()));
        List<Change> out = new ArrayList<>();
        for (PodUpdated update : trial.index().all(PodUpdated.class)) {
            update.images().forEach((name, image) -> {
                if (images.containsKey(name) && !image.equals(images.put(name, image))) {
                    out.add(new Change(update, name));
                }
            });
        }
        return List.copyOf(out);
    }

    /**
     * When an update first changed the image of this container once it had run, MAX_VALUE if none did.
     * From then on it restarts whatever the restartPolicy and its back-off starts again (SU-2, SU-3):
     * the restart invariants judge its runs up to then, update/image-change-restarts the change itself.
     * A change before its first run only names the image that run starts from.
     */
    public static long firstChange(Observed trial, String container) {
        long firstRun = TraceQueries.runs(trial, container).stream().mapToLong(Run::startedAt).findFirst()
                .orElse(Long.MAX_VALUE);
        return of(trial).stream().filter(c -> c.container().equals(container) && c.update().at() > firstRun)
                .mapToLong(c -> c.update().at()).findFirst().orElse(Long.MAX_VALUE);
    }

    /** Whether an update changed this container's image from {@code from} to {@code to}, both included. */
    public static boolean changedWithin(Observed trial, String container, long from, long to) {
        return of(trial).stream().anyMatch(c -> c.container().equals(container) && c.update().at() >= from
                && c.update().at() <= to);
    }

    /**
     * The runs of {@code container} that started before its image first changed, and with {@code andNext}
     * the first one after, which shows whether a restart owed before the change came in time.
     */
    public static List<Run> runsBeforeChange(Observed trial, String container, boolean andNext) {
        long change = firstChange(trial, container);
        List<Run> out = new ArrayList<>();
        for (Run run : TraceQueries.runs(trial, container)) {
            if (run.startedAt() >= change) {
                if (andNext) {
                    out.add(run);
                }
                break;
            }
            out.add(run);
        }
        return out;
    }

    /** The kill computePodActions orders for a changed spec hash: regular container or sidecar. */
    static boolean isDefinitionChangedKill(KubeletEvent e) {
        return e.reason().equals("Killing") && e.message().contains(" definition changed");
    }

    /** Regular containers and sidecars are restarted on a change; a regular init container is not. */
    static boolean restartsOnChange(Observed trial, String container) {
        return trial.scenario().pod().spec().containers().stream().anyMatch(c -> c.name().equals(container))
                || trial.scenario().pod().spec().initContainers().stream()
                .anyMatch(c -> c.name().equals(container) && c.isSidecar());
    }
}
