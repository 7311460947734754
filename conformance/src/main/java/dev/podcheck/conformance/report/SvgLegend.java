package dev.podcheck.conformance.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The timeline picture's colours, one per tone, and the legend that names them. */
final class SvgLegend {
    private static final Map<String, String> COLOURS = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        tone("waiting", "#e0b13a", "waiting");
        tone("running", "#2e9e5b", "running");
        // Terminated 0 is steel blue, apart from the grey of kubelet events and the navy of started.
        tone("terminated-ok", "#3d72b0", "terminated 0");
        tone("terminated-error", "#c0392b", "terminated \u2260 0");
        tone("started", "#2c3e80", "started");
        tone("ready", "#13a3a3", "ready");
        tone("hook", "#8e44ad", "hook");
        tone("hook-failed", "#e67e22", "hook failed");
        tone("probe-failed", "#e74c3c", "probe failed");
        tone("SIGTERM", "#d35400", "SIGTERM");
        tone("SIGKILL", "#111111", "SIGKILL");
        tone("event", "#a0a0a0", "kubelet event");
        tone("pod-event", "#34495e", "delete / evict");
        tone("witness", "#d6008f", "witness");
        // Phases colour the pod's band; they are not in the legend, their names are written on the band.
        COLOURS.put("Pending", "#e0b13a");
        COLOURS.put("Running", "#2e9e5b");
        COLOURS.put("Succeeded", "#2f6fb0");
        COLOURS.put("Failed", "#c0392b");
        COLOURS.put("Unknown", "#95a5a6");
    }

    private SvgLegend() {}

    private static void tone(String tone, String colour, String name) {
        COLOURS.put(tone, colour);
        NAMES.put(tone, name);
    }

    static String colour(String tone) {
        return COLOURS.getOrDefault(tone, "#999999");
    }

    /** Swatches from {@code y}, left to right, wrapping to a second line at {@code width}. */
    static void draw(StringBuilder svg, int y, int width) {
        svg.append("<g class=\"legend\">\n");
        int x = 8;
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            int itemWidth = 28 + e.getValue().length() * 7;
            if (x + itemWidth > width) {
                x = 8;
                y += 16;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>\n", x, y, colour(e.getKey()), x + 16, y + 9,
                    XmlText.html(e.getValue())));
            x += itemWidth;
        }
        svg.append("</g>\n");
    }
}
