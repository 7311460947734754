package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a reader of the HTML report must be able to tell apart, checked on the SVG's structure (the
 * screenshot in headless Chromium, check-html-in-chromium.sh, is for a person's eye).
 */
class HtmlReportLegibilityTest {

    private static Element svg(String html) throws Exception {
        String svg = HtmlReportTest.svg(html);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static List<Element> all(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void should_keep_a_margin_after_the_last_event_so_a_violation_at_the_end_is_not_on_the_edge() throws Exception {
        // GIVEN the hand-built run, whose witness (SIGKILL at 70 s) is the last event of its trace
        Element svg = svg(HtmlReport.toHtml(HandRun.result()));
        double plotRight = SvgTimeline.LABEL_WIDTH + SvgTimeline.PLOT_WIDTH;

        // THEN the trace's end is marked short of the plot's right edge, and every witness ring is clear of it
        Element end = all(svg, "line").stream().filter(l -> l.getAttribute("class").equals("trace-end")).findFirst().orElseThrow();
        assertThat(number(end, "x1")).isLessThanOrEqualTo(plotRight - SvgTimeline.PLOT_WIDTH / 21.0 + 0.1);
        List<Element> rings = all(svg, "circle").stream().filter(c -> c.getAttribute("r").equals("9")).toList();
        assertThat(rings).isNotEmpty().allSatisfy(c -> assertThat(number(c, "cx") + 9).isLessThan(plotRight - 30));
    }

    @Test
    void should_never_draw_a_witness_ring_over_a_bar_label() throws Exception {
        for (String html : List.of(HtmlReport.toHtml(HandRun.result()), HtmlReport.toHtml(SampleRun.result()))) {
            Element svg = svg(html);
            for (Element lane : all(svg, "g").stream().filter(g -> g.getAttribute("class").startsWith("lane")).toList()) {
                List<Element> rings = all(lane, "circle").stream().filter(c -> c.getAttribute("r").equals("9")).toList();
                List<Element> labels = all(lane, "text").stream().filter(t -> t.getAttribute("class").equals("bar-label")).toList();
                for (Element ring : rings) {
                    double cx = number(ring, "cx");
                    for (Element label : labels) {
                        double from = number(label, "x");
                        double to = from + label.getTextContent().length() * 6;
                        assertThat(cx + 10.25 <= from || cx - 10.25 >= to)
                                .as("ring at %.1f over label \"%s\" (%.1f-%.1f)", cx, label.getTextContent(), from, to).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void should_move_a_label_past_a_ring_at_the_start_of_its_bar_or_leave_it_to_the_tooltip() {
        assertThat(SvgTimeline.labelAt(100, 200, 42, List.of())).isEqualTo(103);
        assertThat(SvgTimeline.labelAt(100, 200, 42, List.of(100.0))).isEqualTo(112);
        assertThat(SvgTimeline.labelAt(100, 200, 42, List.of(250.0))).as("a ring far from the label").isEqualTo(103);
        assertThat(SvgTimeline.labelAt(100, 50, 42, List.of(100.0))).as("no room for both").isNaN();
    }

    @Test
    void should_give_terminated_0_and_kubelet_events_colours_an_eye_tells_apart_and_every_tone_its_own() {
        assertThat(distance(SvgLegend.colour("terminated-ok"), SvgLegend.colour("event"))).isGreaterThan(100);
        List<String> tones = List.of("waiting", "running", "terminated-ok", "terminated-error", "started", "ready", "hook",
                "hook-failed", "probe-failed", "SIGTERM", "SIGKILL", "event", "pod-event", "witness");
        Set<String> colours = tones.stream().map(SvgLegend::colour).collect(Collectors.toSet());
        assertThat(colours).hasSameSizeAs(tones);
    }

    @Test
    void should_give_each_outcome_its_own_row_colour_holds_included() {
        String html = HtmlReport.toHtml(HandRun.result());

        List<String> backgrounds = Stream.of("HOLDS", "VIOLATED", "UNKNOWN").map(outcome -> {
            int at = html.indexOf("." + outcome + "{background:");
            assertThat(at).as(outcome).isPositive();
            return html.substring(at + outcome.length() + 13, at + outcome.length() + 20);
        }).toList();
        assertThat(backgrounds).doesNotHaveDuplicates();
        assertThat(html).contains("<tr class=\"HOLDS\">");
    }

    /** Euclidean distance of two #rrggbb colours. */
    private static double distance(String a, String b) {
        double sum = 0;
        for (int i = 1; i < 7; i += 2) {
            int d = Integer.parseInt(a.substring(i, i + 2), 16) - Integer.parseInt(b.substring(i, i + 2), 16);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
