package dev.podcheck.conformance.invariant.update;

import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.Optional;
import java.util.Set;

/**
 * update/image-change-restarts (SEMANTICS SU-2): what must happen, and by when. A running container
 * or sidecar whose image an accepted update changed is killed, for its changed definition, by the
 * SyncPod the update causes (once any SyncPod under way has returned), whatever the restartPolicy.
 */
public final class ImageChangeRestarts implements Invariant {
    static final String LATE = "container %s's image was updated at %d ms while it ran, but it was not killed for its"
            + " changed definition by %s";

    @Override
    public String id() {
        return "update/image-change-restarts";
    }

    @Override
    public String must() {
        return "When an update changes the image of a running container or sidecar, the kubelet MUST kill it for its"
                + " changed definition at the pod sync that update causes, and start it again, whatever the"
                + " restartPolicy.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (containerChanged),"
                + " computeInitContainerActions; SEMANTICS SU-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        long stops = RestartDue.stopsAt(trial);
        for (ImageChanges.Change change : ImageChanges.of(trial)) {
            long at = change.update().at();
            String name = change.container();
            Optional<Run> running = runs(trial, name).stream()
                    .filter(r -> r.startedAt() < at && (r.exit() == null || r.exit().finishedAt() > at)).findFirst();
            if (running.isEmpty() || !ImageChanges.restartsOnChange(trial, name) || killedBefore(trial, running.get(), at)) {
                continue;
            }
            long due = RestartDue.heldUntil(trial, at, at) + trial.toleranceMillis();
            boolean endsFirst = running.get().exit() != null && running.get().exit().finishedAt() <= due;
            if (endsFirst || stops <= due + RestartDue.longestStartChain(trial) || due >= trial.horizonMillis()) {
                continue; // it ended, or the pod stopped, before the kill was owed
            }
            Optional<KubeletEvent> kill = trial.index().all(KubeletEvent.class).stream()
                    .filter(e -> e.container().equals(name) && e.at() >= at && ImageChanges.isDefinitionChangedKill(e))
                    .findFirst();
            if (kill.isEmpty() || kill.get().at() > due) {
                String seen = kill.map(k -> k.at() + " ms").orElse("the end");
                return kill.isEmpty() ? Verdict.violated(String.format(LATE, name, at, seen), change.update())
                        : Verdict.violated(String.format(LATE, name, at, seen), change.update(), kill.get());
            }
        }
        return Verdict.HOLDS;
    }

    /** A kill of that run under way already (a probe's): it stops the old container anyway. */
    private static boolean killedBefore(Observed trial, Run run, long at) {
        return trial.index().all(KubeletEvent.class).stream().anyMatch(e -> e.container().equals(run.container())
                && e.reason().equals("Killing") && e.at() >= run.startedAt() && e.at() <= at);
    }
}
