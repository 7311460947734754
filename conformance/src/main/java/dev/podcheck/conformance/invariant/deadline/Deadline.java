package dev.podcheck.conformance.invariant.deadline;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodUpdated;
import java.util.Optional;

/**
 * When a pod's activeDeadlineSeconds runs out (SEMANTICS AD-1, SU-4): startTime (its first container
 * status) plus the deadline as created, or as an accepted update set or lowered it, but not before that
 * update. An update can only lower it (SU-1): a trace where one raised it is still held to the lower one.
 *
 * @param startTime when the pod's status first showed (status.startTime)
 * @param seconds   the deadline in force
 * @param at        when it runs out (ms)
 */
public record Deadline(long startTime, long seconds, long at) {

    /** The deadline in force for the trial, if the pod has one and its status showed. */
    public static Optional<Deadline> of(Observed trial) {
        Optional<ContainerStatusChanged> first = trial.index().all(ContainerStatusChanged.class).stream().findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long startTime = first.get().at();
        Long created = trial.scenario().pod().spec().activeDeadlineSeconds();
        Deadline out = created == null ? null : new Deadline(startTime, created, Int64.plus(startTime, Int64.millisOfSeconds(created)));
        for (PodUpdated update : trial.index().all(PodUpdated.class)) {
            Long seconds = update.activeDeadlineSeconds();
            if (seconds == null || out != null && out.at <= update.at()) {
                continue; // no deadline in it, or the one in force ran out first
            }
            long at = Math.max(update.at(), Int64.plus(startTime, Int64.millisOfSeconds(seconds)));
            if (out == null || at < out.at) {
                out = new Deadline(startTime, seconds, at);
            }
        }
        return Optional.ofNullable(out);
    }
}
