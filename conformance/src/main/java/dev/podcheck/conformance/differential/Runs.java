package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Exit;
import dev.podcheck.conformance.differential.Outcome.Instance;
import java.util.List;

/**
 * A container's instances, paired by number (status.restartCount): {@link Fact#RUN_TIME} and
 * {@link Fact#EXIT_CODE} for exits on their own (before the pod is asked to stop: a later one is a
 * stop, see {@link Stops}), {@link Fact#READY} from each start (where the target shows readiness),
 * {@link Fact#RESTART_INTERVAL} from each exit to the restart after it, and {@link Fact#RESTART_COUNT}
 * at the end of the window.
 */
final class Runs {
    private Runs() {}

    /** @param readiness whether both sides show containers' readiness (with the pod's conditions) */
    static void compare(Outcome reference, Outcome target, boolean readiness, Freedom freedom, Findings out) {
        for (ContainerOutcome p : reference.containers()) {
            ContainerOutcome o = target.container(p.name());
            if (o != null) {
                instances(reference, p, target, o, readiness, freedom, out);
                restartCount(reference, p, target, o, freedom, out);
            }
        }
    }

    private static void instances(Outcome reference, ContainerOutcome p, Outcome target, ContainerOutcome o,
                                  boolean readiness, Freedom freedom, Findings out) {
        int both = Math.min(p.instances().size(), o.instances().size());
        for (int n = 0; n < both; n++) {
            Instance ip = p.instances().get(n);
            Instance io = o.instances().get(n);
            String which = "container " + p.name() + " (instance " + n + ")";
            if (n > 0) {
                Exit before = ownExit(reference, p.instances().get(n - 1), freedom);
                Exit seen = ownExit(target, o.instances().get(n - 1), freedom);
                if (before != null && seen != null) {
                    long interval = ip.startedAt() - before.at();
                    out.span(Fact.RESTART_INTERVAL, p, which + " restarted after the exit before it by",
                            Span.exactly(interval), Span.exactly(io.startedAt() - seen.at()), freedom.early(),
                            freedom.restart(interval));
                }
            }
            Exit ep = ownExit(reference, ip, freedom);
            Exit eo = ownExit(target, io, freedom);
            out.span(Fact.RUN_TIME, p, which + " ran for", run(reference, ip, freedom), run(target, io, freedom),
                    freedom.earlyRun(p.name()), freedom.run(p.name()), ep == null ? 0 : ep.shownAt() - ep.at());
            if (readiness) {
                out.span(Fact.READY, p, which + " became ready after its start by", ready(reference, ip),
                        ready(target, io), freedom.earlyReady(p.name()), freedom.ready(p.name()));
            }
            if (ep != null && eo != null && ep.code() != eo.code()) {
                out.add(Fact.EXIT_CODE, p, which + " exited on its own with code", Integer.toString(ep.code()),
                        Integer.toString(eo.code()), Integer.toString(ep.code()));
            }
        }
    }

    /**
     * The reference's restarts that were due on the target (its exit before, plus the interval's upper
     * bound, plus as long as the reference took to show the restart, inside the target's window) must
     * all be counted, and no more than the reference made.
     */
    private static void restartCount(Outcome reference, ContainerOutcome p, Outcome target, ContainerOutcome o,
                                     Freedom freedom, Findings out) {
        List<Instance> ip = p.instances();
        List<Instance> io = o.instances();
        int due = 0;
        for (int n = 1; n < ip.size() && n <= io.size(); n++) {
            Exit before = ownExit(reference, ip.get(n - 1), freedom);
            Exit seen = ownExit(target, io.get(n - 1), freedom);
            if (before == null || seen == null) {
                break;
            }
            long interval = ip.get(n).startedAt() - before.at();
            long shown = ip.get(n).shownAt() - ip.get(n).startedAt();
            if (seen.at() + interval + freedom.restart(interval) + shown > target.startsEnd()) {
                break;
            }
            due++;
        }
        int most = p.restartCount();
        if (o.restartCount() < due || o.restartCount() > most) {
            String allowed = due == most ? Integer.toString(most) : due + ".." + most;
            out.add(Fact.RESTART_COUNT, p, "container " + p.name() + "'s restartCount was",
                    Integer.toString(p.restartCount()), Integer.toString(o.restartCount()), allowed);
        }
    }

    /** How long an instance ran on its own: until its exit, or at least until the pod was asked to stop or the window closed. */
    private static Span run(Outcome side, Instance i, Freedom freedom) {
        Exit exit = ownExit(side, i, freedom);
        return exit != null ? Span.exactly(exit.at() - i.startedAt()) : Span.notBy(side.startsEnd(), i.startedAt());
    }

    /** How long after its start an instance showed ready: it can only until it exits or the pod is asked to stop. */
    private static Span ready(Outcome side, Instance i) {
        long end = i.exit() != null ? i.exit().at() : side.horizon();
        return Span.of(i.readyAt(), i.startedAt(), Math.min(end, side.startsEnd()));
    }

    /** The instance's exit if it came before the pod was asked to stop, else null. */
    private static Exit ownExit(Outcome side, Instance i, Freedom freedom) {
        Exit exit = i.exit();
        if (exit == null || side.byTheStop(exit, freedom.early())) {
            return null;
        }
        return exit;
    }
}
