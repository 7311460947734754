package dev.podcheck.conformance.selfcheck;

import static dev.podcheck.conformance.selfcheck.Direction.PROGRESS;
import static dev.podcheck.conformance.selfcheck.Direction.SAFETY;

import java.util.Map;

/**
 * Every claimed fact checked in one direction only, with the reason. {@link Kind#ONE_WAY}: the
 * fact has one direction (a value every status shows, or a prohibition), or its other direction is
 * another fact's, named; {@link Kind#OPEN}: the other direction is observable and not checked yet.
 * CoverageTest fails on a one-way fact missing here and on an entry whose direction is checked.
 */
final class Gaps {
    enum Kind { ONE_WAY, OPEN }

    record Gap(Direction missing, Kind kind, String reason) {}

    private static Map.Entry<String, Gap> oneWay(String fact, Direction missing, String reason) {
        return Map.entry(fact, new Gap(missing, Kind.ONE_WAY, reason));
    }

    private static Map.Entry<String, Gap> open(String fact, Direction missing, String reason) {
        return Map.entry(fact, new Gap(missing, Kind.OPEN, reason));
    }

    private static final String QOS = "a value fixed at creation: qos/class reads it in the first event, so being wrong "
            + "and being absent are one check";
    private static final String STATE = "a state every status shows: the same check finds it wrong or missing";
    private static final String NEVER = "a prohibition: nothing is owed";
    private static final String READINESS = "probe/readiness-threshold judges ready against the worker's run of "
            + "results, but counts that run across the reset this fact states: not claimed yet";
    private static final String OOM = "a container above its memory limit must end OOMKilled 137 by a bound: not "
            + "written yet";
    private static final String RANKED = "which pod may go; that some pod goes while the pressure lasts is E-3's "
            + "progress (pressure/evicts-while-lasting)";

    static final Map<String, Gap> BY_FACT = Map.ofEntries(
            oneWay("D-12", PROGRESS, QOS), oneWay("Q-1", PROGRESS, QOS), oneWay("Q-2", PROGRESS, QOS),
            oneWay("Q-3", PROGRESS, QOS), oneWay("INV-2", PROGRESS, QOS),
            oneWay("INV-14", PROGRESS, NEVER + " (at most one at a time)"),
            oneWay("S-7", PROGRESS, NEVER + "; restarting sidecars is S-8's progress (sidecar/always-restart)"),
            open("S-8", SAFETY, "a sidecar started again after the pod's stop began is not flagged yet"),
            open("R-4", SAFETY, "sidecars stopped before the pod is done (a regular container still kept) are not "
                    + "flagged yet"),
            open("R-8", PROGRESS, "the CrashLoopBackOff reason must show once a SyncPod meets the back-off: not "
                    + "written yet"),
            open("R-9", PROGRESS, "restartCount must rise by one with each restart: not written yet"),
            open("R-10", PROGRESS, "restartCount must rise by one with each restart: not written yet"),
            open("INV-8", PROGRESS, "restartCount must rise by one with each restart: not written yet"),
            open("P-2", PROGRESS, READINESS),
            open("INV-10", SAFETY, "a status shown started before a startup success of its instance is not flagged yet"),
            oneWay("ST-1", PROGRESS, STATE), oneWay("ST-3", PROGRESS, STATE), open("ST-4", PROGRESS, OOM),
            open("E-11", PROGRESS, OOM), oneWay("INV-4", PROGRESS, STATE),
            oneWay("INV-5", PROGRESS, STATE), oneWay("INV-9", PROGRESS, STATE), oneWay("INV-11", PROGRESS, STATE),
            oneWay("INV-16", PROGRESS, STATE), oneWay("INV-25", PROGRESS, STATE),
            oneWay("ST-17", SAFETY, "what an eviction's end shows; evicting without pressure is E-3's safety "
                    + "(eviction/only-under-pressure)"),
            oneWay("INV-23", SAFETY, "what an eviction's end shows; evicting without pressure is E-3's safety "
                    + "(eviction/only-under-pressure)"),
            oneWay("T-1", SAFETY, "removal at once has no too early"), oneWay("T-3", SAFETY, "removal at once has no "
                    + "too early"), oneWay("INV-20", SAFETY, "removal at once has no too early"),
            open("T-8", PROGRESS, "sidecars must get SIGTERM once the regular containers ended: not written yet"),
            open("INV-18", PROGRESS, "sidecars must get SIGTERM once the regular containers ended: not written yet"),
            oneWay("E-4", PROGRESS, NEVER + " (at most one pod a pass); " + RANKED),
            oneWay("E-5", PROGRESS, RANKED), oneWay("NP-2", PROGRESS, RANKED),
            oneWay("E-8", PROGRESS, NEVER + " (a critical pod is never evicted)"),
            oneWay("INV-7", PROGRESS, NEVER), oneWay("INV-27", PROGRESS, NEVER + "; what must be reported is TM-2's "
                    + "progress (status/termination-message-reported)"),
            oneWay("DISC-1", PROGRESS, "a docs-versus-code note on the minimum grace; the end of a stop is T-7's "
                    + "progress (termination/stopped-within-grace)"),
            oneWay("M-1", SAFETY, "the relist period gives progress bounds; it forbids nothing"),
            oneWay("FZ-3", SAFETY, "removal before release is FZ-2's safety (finalizer/holds-removal)"),
            oneWay("FZ-4", SAFETY, "a terminal phase shown early is phase/failed's and phase/succeeded's safety"),
            oneWay("RG-3", SAFETY, "Ready before its gates is RG-2's safety (status/containers-ready)"),
            oneWay("TM-3", SAFETY, "the reported message is compared whole: too much is the same check as too little"),
            oneWay("TM-5", SAFETY, "the reported message is compared whole: too much is the same check as too little"),
            open("IP-2", PROGRESS, "a pull must come at each start under Always, and of an absent image under "
                    + "IfNotPresent: not written yet"),
            oneWay("IP-4", SAFETY, "a pull retried too early is IP-5's safety (image/pull-back-off)"),
            oneWay("SU-1", PROGRESS, NEVER + " (a refused update changes nothing); an accepted image change's restart "
                    + "is SU-2's progress (update/image-change-restarts)"),
            oneWay("KR-1", PROGRESS, NEVER + " (the runtime's containers simply go on)"),
            open("KR-2", PROGRESS, "ready (started) again by the first readiness (startup) success after the restart: "
                    + READINESS),
            oneWay("KR-3", SAFETY, "once the back-off is forgotten no start is too early: restart/backoff judges up to "
                    + "the restart"),
            oneWay("SB-2", SAFETY, "the new sandbox is owed; a sandbox that must not come is SB-3's safety "
                    + "(node/no-sandbox-under-never)"),
            open("SB-4", PROGRESS, "the init containers must run again by when: init/next-starts judges up to the loss "
                    + "only, not written for the new sandbox yet"));

    private Gaps() {}
}
