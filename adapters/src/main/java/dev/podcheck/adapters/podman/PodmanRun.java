package dev.podcheck.adapters.podman;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * What every trial of one run shares.
 *
 * @param image        the image every rendered container runs
 * @param runId        the run label's value, part of every pod name
 * @param trialTimeout how long podman may take to start a pod's first container
 * @param starts       how many pods may be starting at once (see {@link #STARTS})
 * @param plays        the kube plays in flight, stopped when the run is released
 */
record PodmanRun(Podman podman, StateDir state, String image, String runId, Duration trialTimeout, Semaphore starts,
                 LivePlays plays) {
    /**
     * Pods being played at once. kube play costs podman CPU until the pod's first container runs,
     * and pods played all at once start late: on 2 busy cores, 8 played at once started their first
     * container up to 2.7 s after their creation, beyond the target's tolerance; through this gate,
     * 8 trials at once started theirs within 1 s (median 0.45 s) while another run shared the
     * machine. A pod waits for its turn before its trial's time 0, so waiting costs wall time only.
     */
    static final int STARTS = 2;

    static PodmanRun of(Podman podman, StateDir state, String image, String runId, Duration trialTimeout) {
        return new PodmanRun(podman, state, image, runId, trialTimeout, new Semaphore(STARTS, true),
                new LivePlays());
    }
}
