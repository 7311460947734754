package dev.podcheck.adapters.observe;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * What the containers reported about themselves, per container instance: the index of each line
 * among the time-sorted sightings and its exact wall-clock time. Also how to read a line's detail
 * (see {@link ContainerReport}): {@code hook-start preStop}, {@code hook-end preStop fail},
 * {@code probe readiness pass}, {@code exit 143 sigterm}. An exit line's code may be followed by
 * the word {@value #BY_SIGTERM} when the process's SIGTERM handler made the exit: without it an
 * exit after a SIGTERM may be one the process made by itself, and the status shows no signal.
 */
final class Reports {
    /**
     * A time the API shows as the second F matches a reported moment in [F, F + this): the runtime
     * takes its time to the second, and the script writes its line a moment after the runtime acted.
     */
    static final long MATCH_WINDOW_MILLIS = 2000;
    /** The word after the exit code of an exit the process's SIGTERM handler made. */
    static final String BY_SIGTERM = "sigterm";

    /** One report line: its place among the sorted sightings and its time (ms since the epoch). */
    record Line(int index, long epochMillis) {}

    /** The lines of one container instance. */
    static final class Instance {
        /** Its latest line of any kind: the process (or an exec into it) lived then. */
        Line last;
        Line start;
        Line exit;
        Integer exitCode;
        boolean exitBySigterm;
        final List<Line> sigterms = new ArrayList<>();
        final Map<Hook, Line> hookStarts = new EnumMap<>(Hook.class);
        final Map<Hook, Line> hookEnds = new EnumMap<>(Hook.class);

        /** A SIGTERM reached it after {@code index}, up to {@code until} (sighting indexes). */
        boolean sigtermBetween(int index, int until) {
            return sigterms.stream().anyMatch(l -> l.index() > index && l.index() < until);
        }
    }

    private final Map<String, Map<Integer, Instance>> byContainer = new TreeMap<>();

    /** Indexes the report lines among {@code sorted} sightings. */
    static Reports of(List<Sighting> sorted) {
        Reports reports = new Reports();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) instanceof Sighting.ReportSeen seen) {
                reports.add(i, seen.report());
            }
        }
        return reports;
    }

    private void add(int index, ContainerReport r) {
        Instance inst = byContainer.computeIfAbsent(r.container(), k -> new TreeMap<>())
                .computeIfAbsent(r.instance(), k -> new Instance());
        Line line = new Line(index, r.epochMillis());
        inst.last = inst.last == null || line.epochMillis() >= inst.last.epochMillis() ? line : inst.last;
        switch (r.kind()) {
            case START -> inst.start = inst.start == null ? line : inst.start;
            case EXIT -> {
                inst.exit = line;
                inst.exitCode = exitCode(r);
                inst.exitBySigterm = r.detail().endsWith(" " + BY_SIGTERM);
            }
            case SIGTERM -> inst.sigterms.add(line);
            case HOOK_START -> putHook(inst.hookStarts, hook(r), line);
            case HOOK_END -> putHook(inst.hookEnds, hook(r), line);
            case PROBE -> { } // a probe line is an event of its own, nothing to index
        }
    }

    private static void putHook(Map<Hook, Line> lines, Hook hook, Line line) {
        if (hook != null) {
            lines.putIfAbsent(hook, line);
        }
    }

    /** What {@link #forEachInstance} hands over. */
    interface InstanceVisitor {
        void visit(String container, int instance, Instance lines);
    }

    void forEachInstance(InstanceVisitor visitor) {
        byContainer.forEach((container, instances) -> instances.forEach((n, lines) -> visitor.visit(container, n, lines)));
    }

    /** The lines of {@code container}'s instance {@code instance}, or null when it reported nothing. */
    Instance instance(String container, int instance) {
        return byContainer.getOrDefault(container, Map.of()).get(instance);
    }

    /**
     * Which of the candidate instances a state the API shows as started in the second
     * {@code apiStartedAt} (ms since the epoch) belongs to; see {@link #instanceEnded}.
     */
    int instanceStartedAt(String container, long apiStartedAt, int... candidates) {
        return instanceEnded(container, apiStartedAt, 0, candidates);
    }

    /**
     * Which of the candidate instances (restartCount says which, or which two) a termination the
     * API shows between the seconds {@code apiStartedAt} and {@code apiFinishedAt} belongs to: the
     * first whose start line lies in the start's second, else the first whose lines fit (see
     * {@link #fits}; two instances may start in one second, so the exit line must fit too), else
     * the first candidate: a start line that fits no API second (a script that starts late, after
     * its startAfter) does not make the instance another one.
     */
    int instanceEnded(String container, long apiStartedAt, long apiFinishedAt, int... candidates) {
        int fitting = -1;
        for (int candidate : candidates) {
            Instance inst = candidate < 0 ? null : instance(container, candidate);
            if (inst == null || inst.start == null || !fits(inst.start, apiStartedAt)
                    || (apiFinishedAt != 0 && inst.exit != null && !fits(inst.exit, apiFinishedAt))) {
                continue;
            }
            if (inst.start.epochMillis() - apiStartedAt < 1000) {
                return candidate;
            }
            fitting = fitting < 0 ? candidate : fitting;
        }
        return fitting >= 0 ? fitting : candidates[0];
    }

    /**
     * Whether a line can be the moment the API shows as the second {@code apiSecond} (ms since the
     * epoch): within {@link #MATCH_WINDOW_MILLIS} from that second's start. An unset time (0) fits nothing.
     */
    static boolean fits(Line line, long apiSecond) {
        long lag = line.epochMillis() - apiSecond;
        return apiSecond != 0 && lag >= 0 && lag < MATCH_WINDOW_MILLIS;
    }

    /** The hook a hook line names (its first word), or null. */
    static Hook hook(ContainerReport r) {
        String word = firstWord(r.detail());
        for (Hook h : Hook.values()) {
            if (h.name().equals(word)) {
                return h;
            }
        }
        return null;
    }

    /** Whether a hook-end line says the hook failed ("preStop fail"). */
    static boolean hookFailed(ContainerReport r) {
        return r.detail().endsWith(" fail");
    }

    /** The probe a probe line names, or null. */
    static ProbeKind probe(ContainerReport r) {
        String word = firstWord(r.detail());
        for (ProbeKind k : ProbeKind.values()) {
            if (k.name().equals(word)) {
                return k;
            }
        }
        return null;
    }

    /**
     * When an end nobody reported (an OOM kill) happened, at the earliest: the API's second of it,
     * but not before the instance's latest line, written while it lived.
     */
    static long unreportedEnd(Instance lines, long apiFinishedAt) {
        return lines == null || lines.last == null ? apiFinishedAt : Math.max(apiFinishedAt, lines.last.epochMillis());
    }

    /** Whether a probe line says the check passed ("readiness pass"). */
    static boolean probePassed(ContainerReport r) {
        return r.detail().endsWith(" pass");
    }

    private static Integer exitCode(ContainerReport r) {
        try {
            return Integer.parseInt(firstWord(r.detail()));
        } catch (NumberFormatException e) {
            return null; // a cut line: the exit is known, its code is not
        }
    }

    private static String firstWord(String detail) {
        int space = detail.indexOf(' ');
        return space < 0 ? detail : detail.substring(0, space);
    }
}
