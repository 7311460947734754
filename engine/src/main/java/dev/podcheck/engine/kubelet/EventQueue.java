package dev.podcheck.engine.kubelet;

import java.util.Arrays;

/**
 * Virtual time: actions run in (time, scheduling order), so a simulation is deterministic.
 *
 * <p>A binary min-heap over parallel arrays rather than a {@code PriorityQueue} of records: a pod
 * with probes schedules one action per probe period, and this keeps that to no allocation and no
 * comparator call per action. The order is the same total order, (time, sequence number).
 */
final class EventQueue {
    private long[] times = new long[16];
    private long[] seqs = new long[16];
    private Runnable[] actions = new Runnable[16];
    private int size;
    private long seq;
    private long now;

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
            actions = Arrays.copyOf(actions, size * 2);
        }
        siftUp(size++, Math.max(time, now), seq++, action);
    }

    /** Runs actions in order until none is left at or before {@code horizon}. */
    void runUntil(long horizon) {
        while (size > 0 && times[0] <= horizon) {
            now = times[0];
            Runnable action = actions[0];
            removeFirst();
            action.run();
        }
        now = Math.max(now, horizon);
    }

    private static boolean before(long timeA, long seqA, long timeB, long seqB) {
        return timeA != timeB ? timeA < timeB : seqA < seqB;
    }

    private void siftUp(int hole, long time, long order, Runnable action) {
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, order, times[parent], seqs[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        set(hole, time, order, action);
    }

    private void removeFirst() {
        int last = --size;
        long time = times[last];
        long order = seqs[last];
        Runnable action = actions[last];
        actions[last] = null;
        if (last == 0) {
            return;
        }
        int hole = 0;
        int half = last >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < last && before(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!before(times[child], seqs[child], time, order)) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        set(hole, time, order, action);
    }

    private void move(int from, int to) {
        set(to, times[from], seqs[from], actions[from]);
    }

    private void set(int index, long time, long order, Runnable action) {
        times[index] = time;
        seqs[index] = order;
        actions[index] = action;
    }
}
