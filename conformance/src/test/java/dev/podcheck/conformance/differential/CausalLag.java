package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.invariant.TraceQueries;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Test fixture: a reference trace as a slower runtime shows it. Each effect comes a random lag after
 * its cause, up to a bound per kind of step, and the lag carries along the chain (a container that
 * starts late exits late, and so the next one starts later still), as on a real node:
 * <ul>
 *   <li>every start (first start or restart) up to {@code start} after its cause, as lagged;</li>
 *   <li>every exit on its own up to {@code run} later than its instance's start, as lagged;</li>
 *   <li>after the pod is asked to stop, each container's steps up to {@code stop} later than the
 *       request (which keeps its time: it is the world's), the object's removal up to {@code status}
 *       after the last of them.</li>
 * </ul>
 * Pod-level events before the stop follow the most-lagged container; what falls past the horizon
 * is not seen.
 */
record CausalLag(long start, long run, long stop, long status, long seed) {

    Trace apply(Trace trace, Scenario scenario, long horizon) {
        return new Lagging(scenario, new Random(seed)).apply(trace, horizon);
    }

    /** The rank of pod-level events within an instant: after every container's. */
    private static final int POD = 1000;

    /** One rewrite: the lags drawn so far, per container instance (by its original startedAt). */
    private final class Lagging {
        private final Scenario scenario;
        private final Random random;
        private final Map<String, Map<Long, Long>> startLag = new HashMap<>();
        private final Map<String, Map<Long, Long>> exitLag = new HashMap<>();
        /** The same exit lags by the exit's own finishedAt (an instance restarted at once starts in that ms). */
        private final Map<String, Map<Long, Long>> exitLagByFinish = new HashMap<>();
        /** What a container's successor waits for, lagged: an init container's completion, a sidecar's start. */
        private final Map<String, Long> doneLag = new HashMap<>();
        private final Map<String, Long> currentLag = new HashMap<>();
        /** Each container's draw for its stop; a sidecar's comes on top of the stops it follows. */
        private final Map<String, Long> stopLag = new HashMap<>();
        private long podLag;

        Lagging(Scenario scenario, Random random) {
            this.scenario = scenario;
            this.random = random;
        }

        private Long stopAt;
        /** Each container's last exit in the reference. */
        private final Map<String, Long> lastExit = new HashMap<>();
        /** The lag each container's stop was shown with. */
        private final Map<String, Long> stopLagShown = new HashMap<>();
        /** The events after the request to stop in the trace's order (one in its instant may come before it). */
        private final Set<TraceEvent> afterStop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private long lastStop;
        private long lastMoved;
        private long lastOriginal;

        /**
         * Instant by instant, as the kubelet causes them: within one instant the regular and init
         * containers first, then the sidecars (they stop after them), then the pod (its status
         * follows its containers'); the events keep the trace's order.
         */
        Trace apply(Trace trace, long horizon) {
            stopAt = trace.events().stream().filter(CausalLag::asksToStop).map(TraceEvent::at).findFirst().orElse(null);
            List<TraceEvent> events = trace.events();
            int stopIndex = (int) events.stream().takeWhile(e -> !asksToStop(e)).count();
            afterStop.addAll(events.subList(Math.min(stopIndex, events.size()), events.size()));
            scenario.pod().spec().allContainers().forEach(c -> lastExit.put(c.name(), lastExit(trace, c.name())));
            TraceEvent[] out = new TraceEvent[events.size()];
            int from = 0;
            while (from < events.size()) {
                int to = from;
                while (to < events.size() && events.get(to).at() == events.get(from).at()) {
                    to++;
                }
                for (int rank = 0; rank <= POD; rank++) {
                    for (int i = from; i < to; i++) {
                        if (rank(events.get(i)) == rank) {
                            out[i] = move(events.get(i));
                        }
                    }
                }
                from = to;
            }
            return new Trace(java.util.Arrays.stream(out).sorted(Comparator.comparingLong(TraceEvent::at))
                    .filter(e -> e.at() <= horizon).toList());
        }

        /** Before the stop all containers in the trace's order; after it, sidecars last, the later ones first. */
        private int rank(TraceEvent e) {
            String c = Retimed.container(e);
            if (c == null) {
                return POD;
            }
            if (!afterStop.contains(e) || !isSidecar(c)) {
                return 0;
            }
            List<Container> inits = scenario.pod().spec().initContainers();
            int index = inits.indexOf(inits.stream().filter(x -> x.name().equals(c)).findFirst().orElseThrow());
            return 1 + inits.size() - index;
        }

        private TraceEvent move(TraceEvent e) {
            String c = Retimed.container(e);
            if (afterStop.contains(e)) {
                // a sidecar stops after the regular containers (and later sidecars): after them, as lagged;
                // the removal follows the last container's stop as lagged, by up to `status`
                long lag = c != null ? (isSidecar(c) ? stopsAfter(c) : 0) + stopLag.computeIfAbsent(c, k -> draw(stop))
                        : e instanceof TraceEvent.PodRemoved ? Math.max(0, lastMoved - lastOriginal) + draw(status)
                        : lastStop;
                if (c != null) {
                    lastStop = Math.max(lastStop, lag);
                }
                if (e instanceof TraceEvent.ContainerStatusChanged s
                        && s.status().state() instanceof ContainerState.Terminated t && t.finishedAt() >= stopAt
                        && !TraceQueries.UNKNOWN_AT_TERMINATION.equals(t.reason())) {
                    lastMoved = Math.max(lastMoved, e.at() + lag);
                    lastOriginal = Math.max(lastOriginal, e.at());
                    stopLagShown.merge(c, lag, Math::max);
                }
                long stopped = stopAt;
                return asksToStop(e) ? e : Retimed.event(e, e.at() + lag,
                        t -> t >= stopped ? t + lag : t + startLagOf(c, t),
                        t -> t >= stopped ? t + lag : t + exitLagOf(c, t));
            }
            if (e instanceof TraceEvent.ContainerStatusChanged s) {
                return status(s);
            }
            long lag = c == null ? podLag : currentLag.getOrDefault(c, podLag);
            return Retimed.event(e, e.at() + lag, t -> t + lag);
        }

        /** A status: its instances' lags drawn on first sight, its time that of the step it shows. */
        private TraceEvent status(TraceEvent.ContainerStatusChanged e) {
            ContainerStatus s = e.status();
            String c = s.name();
            seen(c, s.lastState());
            seen(c, s.state());
            long lag = s.state() instanceof ContainerState.Running r ? startLag.get(c).get(r.startedAt())
                    : s.state() instanceof ContainerState.Terminated t ? exitLag.get(c).get(t.startedAt())
                    : s.lastState() instanceof ContainerState.Terminated t ? exitLag.get(c).get(t.startedAt())
                    : podLag;
            currentLag.put(c, lag);
            podLag = Math.max(podLag, lag);
            return Retimed.event(e, e.at() + lag, t -> t + startLagOf(c, t), t -> t + exitLagOf(c, t));
        }

        private void seen(String c, ContainerState state) {
            Long started = state instanceof ContainerState.Running r ? Long.valueOf(r.startedAt())
                    : state instanceof ContainerState.Terminated t ? Long.valueOf(t.startedAt()) : null;
            if (started == null) {
                return;
            }
            Map<Long, Long> starts = startLag.computeIfAbsent(c, k -> new HashMap<>());
            if (!starts.containsKey(started)) {
                Map<Long, Long> exits = exitLag.computeIfAbsent(c, k -> new HashMap<>());
                long cause = exits.values().stream().max(Long::compare).orElseGet(() -> firstStartCause(c));
                starts.put(started, cause + draw(start));
                if (isSidecar(c)) {
                    doneLag.putIfAbsent(c, starts.get(started));
                }
            }
            if (state instanceof ContainerState.Terminated t && !exitLag.get(c).containsKey(started)) {
                long lag = starts.get(started) + draw(run);
                exitLag.get(c).put(started, lag);
                exitLagByFinish.computeIfAbsent(c, k -> new HashMap<>()).put(t.finishedAt(), lag);
                if (t.exitCode() == 0 && !isSidecar(c)) {
                    doneLag.putIfAbsent(c, lag);
                }
            }
        }

        /** The lag of what let a container first start: its predecessor's completion or start, or none. */
        private long firstStartCause(String c) {
            String before = null;
            for (Container x : scenario.pod().spec().allContainers().toList()) {
                if (x.name().equals(c)) {
                    break;
                }
                if (scenario.pod().spec().initContainers().contains(x)) {
                    before = x.name();
                }
            }
            return before == null ? 0 : doneLag.getOrDefault(before, podLag);
        }

        /** The lag of an instance's startedAt. */
        private long startLagOf(String c, long t) {
            return c == null ? 0 : startLag.getOrDefault(c, Map.of()).getOrDefault(t, 0L);
        }

        /** The lag of a finishedAt: that of the instance that ended then. */
        private long exitLagOf(String c, long t) {
            return c == null ? 0 : exitLagByFinish.getOrDefault(c, Map.of()).getOrDefault(t, 0L);
        }

        /**
         * How late the containers a sidecar outlived stopped, as lagged: those after it in the spec that the
         * reference stopped no later than it. Its stop comes after theirs.
         */
        private long stopsAfter(String sidecar) {
            List<String> names = scenario.pod().spec().allContainers().map(Container::name).toList();
            return names.subList(names.indexOf(sidecar) + 1, names.size()).stream()
                    .filter(x -> lastExit.get(x) <= lastExit.get(sidecar))
                    .mapToLong(x -> stopLagShown.getOrDefault(x, 0L)).max().orElse(0);
        }

        private long lastExit(Trace trace, String c) {
            return TraceQueries.runs(trace, c).stream().filter(r -> r.exit() != null)
                    .mapToLong(r -> r.exit().finishedAt()).max().orElse(Long.MIN_VALUE);
        }

        private boolean isSidecar(String c) {
            return scenario.pod().spec().initContainers().stream().anyMatch(x -> x.name().equals(c) && x.isSidecar());
        }

        private long draw(long bound) {
            return bound == 0 ? 0 : (long) (random.nextDouble() * (bound + 1));
        }
    }

    /** The trace with every time a status carries cut to {@code resolution}, as the Kubernetes API shows it. */
    static Trace cut(Trace trace, long resolution) {
        return new Trace(trace.events().stream()
                .map(e -> Retimed.event(e, e.at(), t -> Math.floorDiv(t, resolution) * resolution)).toList());
    }

    /**
     * Whether some container starts two instances in one millisecond (a run of 0 s restarted at once):
     * this fixture tells instances apart by their startedAt, so it cannot lag such a trace.
     */
    static boolean twoInstancesInOneMillisecond(Trace trace, Scenario scenario) {
        return scenario.pod().spec().allContainers().anyMatch(c -> {
            List<Long> starts = TraceQueries.runs(trace, c.name()).stream().map(TraceQueries.Run::startedAt).toList();
            return starts.stream().distinct().count() < starts.size();
        });
    }

    private static boolean asksToStop(TraceEvent e) {
        return e instanceof TraceEvent.DeletionRequested || e instanceof TraceEvent.PodEvicted
                || e instanceof TraceEvent.PodPhaseChanged p && p.phase() == PodPhase.Failed
                && "DeadlineExceeded".equals(p.reason());
    }
}
