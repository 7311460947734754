package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The run's {@code kube play} calls still running. Releasing the run stops them before its pods are removed,
 * and none starts afterwards: trial threads go on while the JVM runs its shutdown hooks, and a play that
 * outlives the release makes its pod after the removal, or, waiting for a sidecar that never exits, holds
 * the pod's lock so that every later podman call on it (the removal, 'podman pod ps') waits for ever.
 */
final class LivePlays {
    private final Set<HostCommand.Running> running = new HashSet<>();
    private boolean stopped;

    /** Starts a play, unless the run is being released. */
    synchronized HostCommand.Running start(HostCommand play) throws TargetException {
        if (stopped) {
            throw new TargetException("the run is being released: no pod is played any more", null);
        }
        HostCommand.Running started = play.start();
        running.add(started);
        return started;
    }

    /** Ends a play (killed if it still runs). */
    void close(HostCommand.Running play) {
        synchronized (this) {
            running.remove(play);
        }
        play.close();
    }

    /** Kills every play in flight (its trial still reads how it ended, then closes it) and lets no other start. */
    void stopAll() {
        List<HostCommand.Running> plays;
        synchronized (this) {
            stopped = true;
            plays = List.copyOf(running);
            running.clear();
        }
        plays.forEach(HostCommand.Running::kill);
    }
}
