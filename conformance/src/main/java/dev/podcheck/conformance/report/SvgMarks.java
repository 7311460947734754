package dev.podcheck.conformance.report;

import java.util.Locale;

/** The instant marks of the timeline picture, each with its timeline line as a tooltip. */
final class SvgMarks {
    private SvgMarks() {}

    /** A probe failure is a triangle over the bar, a signal a tall line lettered T or K, an event a dot under it. */
    static void mark(StringBuilder svg, Lanes.Mark mark, double x, int rowTop) {
        String fill = SvgLegend.colour(mark.tone());
        String title = "<title>" + XmlText.html(mark.text()) + "</title>";
        String shape = switch (mark.tone()) {
            case "probe-failed" -> String.format(Locale.ROOT, "<path d=\"M%.1f %d l-4 -6 h8 z\" fill=\"%s\">%s</path>",
                    x, rowTop + 9, fill, title);
            case "SIGTERM", "SIGKILL" -> String.format(Locale.ROOT, "<g><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"%s\" stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\" fill=\"%s\" font-size=\"9\" "
                    + "font-weight=\"bold\">%s</text>%s</g>", x, rowTop + 2, x, rowTop + 31, fill, x + 2, rowTop + 7,
                    fill, mark.tone().equals("SIGTERM") ? "T" : "K", title);
            case "pod-event" -> String.format(Locale.ROOT, "<path d=\"M%.1f %d l5 5 l-5 5 l-5 -5 z\" fill=\"%s\" "
                    + "stroke=\"#fff\">%s</path>", x, rowTop + 9, fill, title);
            default -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"2.5\" fill=\"%s\">%s</circle>",
                    x, rowTop + 31, fill, title);
        };
        svg.append("<g class=\"mark ").append(mark.tone()).append("\">").append(shape).append("</g>\n");
    }

    /** A witness event: a ring and a dashed line through the whole row, on top of everything else in it. */
    static void witness(StringBuilder svg, double x, int rowTop, String text) {
        String colour = SvgLegend.colour("witness");
        svg.append(String.format(Locale.ROOT, "<g class=\"witness\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                + "stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/><circle cx=\"%.1f\" cy=\"%d\" r=\"9\" "
                + "fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/><title>witness: %s</title></g>\n",
                x, rowTop, x, rowTop + ROW_BOTTOM, colour, x, rowTop + 15, colour, XmlText.html(text)));
    }

    private static final int ROW_BOTTOM = SvgTimeline.ROW_HEIGHT;
}
