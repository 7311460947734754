package dev.podcheck.conformance.report;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A trace as text a person reads: one line per observable change, in trace order, as
 * {@code time  container  change}, with pod-wide changes under {@value #POD}.
 *
 * <pre>
 *     time  container  change
 *    0.000  (pod)      created, qosClass BestEffort
 *    0.000  (pod)      phase Pending
 *    1.000  app        Running, started
 *   12.000  app        liveness probe failed (x3 until 32.000)
 * </pre>
 *
 * <p>One line per change rather than a column per container: a state such as
 * "Terminated 137 Error by SIGKILL" is 30 characters, so five columns would not fit a terminal,
 * and a line names its container, which grep can find. A container status event shows only what
 * changed against that container's previous status. Repeated probe results and kubelet events are
 * shown once with their count ({@link Repeats}), so an hour of a 1 s probe stays a few lines.
 * The same trace always renders the same text.
 *
 * <p>Stability: experimental; the layout may change, the JSON form ({@code TraceCodec}) is the stable one.
 */
public final class Timeline {
    /** The container column's label for changes of the pod itself; container names cannot contain "(". */
    public static final String POD = "(pod)";

    private static final String TIME = "time";
    private static final String CONTAINER = "container";

    private final List<String> containers;

    private Timeline(List<String> containers) {
        this.containers = List.copyOf(containers);
    }

    /** A timeline for a pod whose containers are named so: init containers, then regular, in spec order. */
    public static Timeline of(List<String> containerNames) {
        return new Timeline(containerNames);
    }

    /** A timeline for this pod's containers. */
    public static Timeline of(Pod pod) {
        return new Timeline(pod.spec().allContainers().map(Container::name).toList());
    }

    /** The whole trace, a header line first; every line ends with a newline. */
    public String render(Trace trace) {
        List<TraceEvent> events = trace.events();
        Repeats repeats = Repeats.in(events);
        int timeWidth = Math.max(TIME.length(), seconds(trace.end()).length());
        int nameWidth = Stream.concat(Stream.of(CONTAINER, POD), Stream.concat(containers.stream(),
                events.stream().map(e -> Change.of(e, null)).filter(Objects::nonNull).map(Change::container)))
                .mapToInt(String::length).max().orElse(0);
        String format = "%" + timeWidth + "s  %-" + nameWidth + "s  %s";
        StringBuilder out = new StringBuilder();
        out.append(line(format, TIME, CONTAINER, "change"));
        Map<String, ContainerStatus> statuses = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent event = events.get(i);
            Change change = Change.of(event, before(event, statuses));
            if (event instanceof TraceEvent.ContainerStatusChanged changed) {
                statuses.put(changed.status().name(), changed.status());
            }
            if (change == null || repeats.isFolded(i)) {
                continue;
            }
            Repeats.Run run = repeats.runAt(i);
            String text = run == null || run.count() == 1 ? change.text()
                    : change.text() + " (x" + run.count() + " until " + seconds(run.lastAt()) + ")";
            out.append(line(format, seconds(event.at()), change.container().isEmpty() ? POD : change.container(), text));
        }
        return out.toString();
    }

    private static ContainerStatus before(TraceEvent event, Map<String, ContainerStatus> statuses) {
        return event instanceof TraceEvent.ContainerStatusChanged changed ? statuses.get(changed.status().name()) : null;
    }

    private static String line(String format, String time, String container, String text) {
        return String.format(Locale.ROOT, format, time, container, text).stripTrailing() + "\n";
    }

    /** Milliseconds since pod creation as seconds with millis: 61500 is "61.500". */
    static String seconds(long millis) {
        String sign = millis < 0 ? "-" : "";
        long abs = Math.abs(millis);
        return sign + abs / 1000 + "." + String.format(Locale.ROOT, "%03d", abs % 1000);
    }
}
