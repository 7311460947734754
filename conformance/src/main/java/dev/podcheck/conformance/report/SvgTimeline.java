package dev.podcheck.conformance.report;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Locale;

/**
 * A counterexample's trace as an SVG picture: the pod phase along a top band, one row per
 * container in spec order with its states as coloured bars, started and ready as thin stripes under
 * them, hooks as a bar above, marks for probe failures, signals and kubelet events, a time axis in
 * seconds, and the verdict's witness events ringed. Every mark has a {@code <title>} that reads as
 * the text timeline's line, which browsers show on hover. Colours are attributes, not CSS, so the
 * picture keeps them when saved on its own.
 *
 * <p>The axis runs a twentieth (at least a second) past the trace's end, marked by a dashed line, so a
 * violation at the very end is not drawn on the picture's edge; a bar's label moves clear of a witness
 * ring at the bar's start, or is left to the tooltip when the bar has no room for both.
 */
public final class SvgTimeline {
    static final int LABEL_WIDTH = 190;
    static final int PLOT_WIDTH = 1000;
    static final int ROW_HEIGHT = 34;
    static final int AXIS_HEIGHT = 26;
    static final int LEGEND_HEIGHT = 44;

    /** The witness ring's radius (SvgMarks.witness) and the room a bar label keeps from it. */
    static final int WITNESS_CLEARANCE = 12;

    private final Lanes lanes;
    /** The axis's end: the trace's end and a margin after it. */
    private final long plotEnd;
    private final StringBuilder svg = new StringBuilder();

    private SvgTimeline(Lanes lanes) {
        this.lanes = lanes;
        this.plotEnd = lanes.end + Math.max(lanes.end / 20, 1000);
    }

    /** The picture of {@code trace} for {@code pod}, with {@code witness} (events of the trace) highlighted. */
    public static String render(Pod pod, Trace trace, List<TraceEvent> witness) {
        return render(pod, trace, witness, trace.end());
    }

    /**
     * The same, with the time axis running to {@code end} (at least the trace's end): two traces of
     * one pod drawn to one end can be read one above the other.
     */
    public static String render(Pod pod, Trace trace, List<TraceEvent> witness, long end) {
        return new SvgTimeline(Lanes.of(pod, trace, witness, Math.max(end, trace.end()))).draw();
    }

    private String draw() {
        List<Lanes.Lane> rows = lanes.all();
        int height = AXIS_HEIGHT + rows.size() * ROW_HEIGHT + LEGEND_HEIGHT;
        int width = LABEL_WIDTH + PLOT_WIDTH + 20;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" "
                + "role=\"img\">\n", width, height, width, height));
        axis(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            row(rows.get(i), AXIS_HEIGHT + i * ROW_HEIGHT);
        }
        SvgLegend.draw(svg, AXIS_HEIGHT + rows.size() * ROW_HEIGHT + 12, width);
        return svg.append("</svg>\n").toString();
    }

    /** Ticks at a round step (1, 2, 5, 10, 15, 30 s, ...) giving at most 12 of them, grid lines through every row. */
    private void axis(int rowCount) {
        long step = tickStep(plotEnd);
        int bottom = AXIS_HEIGHT + rowCount * ROW_HEIGHT;
        svg.append("<g class=\"axis\">\n");
        for (long t = 0; t <= plotEnd; t += step) {
            double x = x(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"16\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
                    x, AXIS_HEIGHT - 4, x, bottom, x, XmlText.html(tickLabel(t, step))));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"trace-end\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                + "stroke=\"#999\" stroke-dasharray=\"4 3\"><title>end of the trace, %s</title></line>\n",
                x(lanes.end), AXIS_HEIGHT - 4, x(lanes.end), bottom, Timeline.seconds(lanes.end)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" fill=\"#555\">time (s)</text>\n</g>\n", 8));
    }

    static long tickStep(long endMillis) {
        long[] steps = {100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
                600_000, 900_000, 1_800_000, 3_600_000};
        for (long step : steps) {
            if (endMillis / step <= 12) {
                return step;
            }
        }
        return 3_600_000L * (endMillis / 3_600_000L / 12 + 1);
    }

    private static String tickLabel(long t, long step) {
        return step < 1000 ? String.format(Locale.ROOT, "%.1f", t / 1000.0) : Long.toString(t / 1000);
    }

    private void row(Lanes.Lane lane, int y) {
        boolean pod = lane.role == Lanes.Role.POD;
        svg.append(String.format(Locale.ROOT, "<g class=\"lane %s\" data-name=\"%s\">\n", pod ? "pod" : "container",
                XmlText.html(lane.name)));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s</text>"
                + "<text x=\"8\" y=\"%d\" fill=\"#777\" font-size=\"10\">%s</text>\n",
                y + 15, XmlText.html(label(lane.name)), y + 27, roleText(lane.role)));
        List<Double> rings = lane.witness.stream().map(m -> x(m.at())).toList();
        for (Lanes.Span s : lane.states) {
            bar(s, y + 8, 14, SvgLegend.colour(s.tone()), s.label(), rings);
        }
        for (Lanes.Span s : lane.hooks) {
            bar(s, y + 2, 5, SvgLegend.colour(s.tone()), s.label(), null);
        }
        for (Lanes.Span s : lane.started) {
            bar(s, y + 24, 3, SvgLegend.colour("started"), "started", null);
        }
        for (Lanes.Span s : lane.ready) {
            bar(s, y + 28, 3, SvgLegend.colour("ready"), "ready", null);
        }
        lane.marks.forEach(m -> SvgMarks.mark(svg, m, x(m.at()), y));
        lane.witness.forEach(m -> SvgMarks.witness(svg, x(m.at()), y, m.text()));
        svg.append("</g>\n");
    }

    /** A bar; with {@code rings} (the x of the lane's witness rings) it is labelled where the label fits clear of them. */
    private void bar(Lanes.Span span, int y, int height, String fill, String title, List<Double> rings) {
        double from = x(span.from());
        double width = Math.max(1.5, x(span.to()) - from);
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                + "fill=\"%s\"><title>%s</title></rect>", XmlText.html(span.tone().isEmpty() ? title : span.tone()),
                from, y, width, height, fill, XmlText.html(Timeline.seconds(span.from()) + "-"
                        + Timeline.seconds(span.to()) + " " + title)));
        // A label inside the bar when it fits at ~6 px a character; the tooltip has it anyway.
        double labelAt = rings == null ? Double.NaN : labelAt(from, width, title.length() * 6, rings);
        if (!Double.isNaN(labelAt)) {
            svg.append(String.format(Locale.ROOT, "<text class=\"bar-label\" x=\"%.1f\" y=\"%d\" fill=\"#fff\" font-size=\"10\">%s</text>",
                    labelAt, y + 11, XmlText.html(title)));
        }
        svg.append('\n');
    }

    /**
     * Where a label of {@code textWidth} starts in a bar from {@code from} of {@code width}: 3 px in, or just
     * past each witness ring it would cross; NaN when it does not fit.
     */
    static double labelAt(double from, double width, double textWidth, List<Double> rings) {
        double at = from + 3;
        for (double ring : rings.stream().sorted().toList()) {
            if (ring + WITNESS_CLEARANCE > at && ring - WITNESS_CLEARANCE < at + textWidth) {
                at = ring + WITNESS_CLEARANCE;
            }
        }
        return at + textWidth <= from + width - 3 ? at : Double.NaN;
    }

    private double x(long at) {
        return LABEL_WIDTH + PLOT_WIDTH * (double) Math.min(Math.max(at, 0), plotEnd) / plotEnd;
    }

    private static String label(String name) {
        return name.length() <= 26 ? name : name.substring(0, 25) + "\u2026";
    }

    private static String roleText(Lanes.Role role) {
        return switch (role) {
            case POD -> "pod phase";
            case INIT -> "init container";
            case SIDECAR -> "sidecar";
            case REGULAR -> "container";
            case UNLISTED -> "not in the spec";
        };
    }
}
