package dev.podcheck.conformance.invariant.image;

import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.ArrayList;
import java.util.List;

/** The image manager's events in a trace (SEMANTICS IP-2, IP-4, IP-5), as the kubelet words them. */
public final class ImageEvents {
    static final String PULLING = "Pulling image \"";
    static final String PULLED = "Successfully pulled image \"";
    static final String PULL_FAILED = "Failed to pull image \"";
    static final String IN_BACK_OFF = "Back-off pulling image \"";

    private ImageEvents() {}

    /**
     * One pull: from its Pulling event to its Pulled or Failed one ({@code until} MAX_VALUE and
     * {@code end} null when the trace ends first).
     */
    public record Pull(String container, String image, KubeletEvent start, KubeletEvent end) {
        public long from() {
            return start.at();
        }

        public long until() {
            return end == null ? Long.MAX_VALUE : end.at();
        }

        public boolean failed() {
            return end != null && end.message().startsWith(PULL_FAILED);
        }
    }

    /** Every pull in the trace, in the order they began. */
    public static List<Pull> pulls(Trace trace) {
        List<KubeletEvent> events = trace.all(KubeletEvent.class).toList();
        List<Pull> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            KubeletEvent start = events.get(i);
            if (!start.reason().equals("Pulling") || !start.message().startsWith(PULLING)) {
                continue;
            }
            KubeletEvent end = null;
            for (KubeletEvent later : events.subList(i + 1, events.size())) {
                if (later.container().equals(start.container()) && isPullEnd(later)) {
                    end = later;
                    break;
                }
            }
            out.add(new Pull(start.container(), image(start.message()), start, end));
        }
        return out;
    }

    /**
     * An event of the image manager for a start of its container: the kubelet asked for that start
     * then, whether the image was there, pulled, refused or in back-off.
     */
    public static boolean isStartStep(KubeletEvent e) {
        return switch (e.reason()) {
            case "Pulling", "Pulled", "ErrImageNeverPull" -> true;
            case "Failed" -> e.message().startsWith(PULL_FAILED) || e.message().startsWith("Error: ErrImage")
                    || e.message().equals("Error: ImagePullBackOff");
            case "BackOff" -> e.message().startsWith(IN_BACK_OFF);
            default -> false;
        };
    }

    private static boolean isPullEnd(KubeletEvent e) {
        return e.reason().equals("Pulled") && e.message().startsWith(PULLED)
                || e.reason().equals("Failed") && e.message().startsWith(PULL_FAILED);
    }

    /** The image an event's message names: its first quoted string. */
    static String image(String message) {
        int open = message.indexOf('"');
        int close = message.indexOf('"', open + 1);
        return open < 0 || close < 0 ? "" : message.substring(open + 1, close);
    }
}
