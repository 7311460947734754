package dev.podcheck.engine.kubelet;

import java.util.PriorityQueue;

/** Virtual time: actions run in (time, scheduling order), so a simulation is deterministic. */
final class EventQueue {
    private record Scheduled(long at, long seq, Runnable action) {}

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;
    private long now;

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        queue.add(new Scheduled(Math.max(time, now), seq++, action));
    }

    /** Runs actions in order until none is left at or before {@code horizon}. */
    void runUntil(long horizon) {
        while (!queue.isEmpty() && queue.peek().at <= horizon) {
            Scheduled next = queue.poll();
            now = next.at;
            next.action.run();
        }
        now = Math.max(now, horizon);
    }
}
