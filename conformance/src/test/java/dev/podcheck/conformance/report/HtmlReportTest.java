package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.runner.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    /** Where the samples go for the browser check (src/test/resources/report/check-html-in-chromium.sh). */
    static final Path SAMPLES = Path.of("target", "report-samples");

    static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String svg(String html) {
        return html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
    }

    @AfterAll
    static void write_samples_for_the_browser_check() throws Exception {
        Files.createDirectories(SAMPLES);
        Files.writeString(SAMPLES.resolve("hand.html"), HtmlReport.toHtml(HandRun.result()));
        Reports.writeAll(SampleRun.result(), SAMPLES.resolve("engine"));
    }

    @Nested
    class Picture {
        @Test
        void should_draw_a_pod_band_and_one_row_per_container_in_spec_order() {
            String svg = svg(HtmlReport.toHtml(HandRun.result()));

            assertThat(count(svg, "<g class=\"lane pod\"")).isEqualTo(1);
            assertThat(count(svg, "<g class=\"lane container\"")).isEqualTo(3);
            assertThat(svg.indexOf("data-name=\"init-1\"")).isLessThan(svg.indexOf("data-name=\"side\""));
            assertThat(svg.indexOf("data-name=\"side\"")).isLessThan(svg.indexOf("data-name=\"app\""));
            assertThat(svg).contains(">sidecar</text>", ">init container</text>");
        }

        @Test
        void should_ring_each_witness_event_and_mark_signals_probes_and_hooks() {
            String svg = svg(HtmlReport.toHtml(HandRun.result()));

            assertThat(count(svg, "<g class=\"witness\">")).isEqualTo(2);
            assertThat(svg).contains("<title>witness: 70.000  app           signal SIGKILL</title>");
            assertThat(count(svg, "<g class=\"mark SIGKILL\">")).isEqualTo(1);
            assertThat(count(svg, "<g class=\"mark SIGTERM\">")).isEqualTo(3);
            assertThat(count(svg, "<g class=\"mark probe-failed\">")).isEqualTo(3);
            assertThat(count(svg, "<rect class=\"hook\"")).isEqualTo(1);
            assertThat(count(svg, "<rect class=\"terminated-error\"")).isEqualTo(2);
            assertThat(svg).contains("0.000-6.000 Pending</title>", ">Running</text>");
        }

        @Test
        void should_be_well_formed_xml() throws Exception {
            String svg = svg(HtmlReport.toHtml(HandRun.result()));
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        }

        @Test
        void should_choose_round_tick_steps() {
            assertThat(SvgTimeline.tickStep(1000)).isEqualTo(100);
            assertThat(SvgTimeline.tickStep(72_000)).isEqualTo(10_000);
            assertThat(SvgTimeline.tickStep(600_000)).isEqualTo(60_000);
        }
    }

    @Nested
    class Page {
        @Test
        void should_escape_every_text_from_the_run() {
            String html = HtmlReport.toHtml(HandRun.result());

            assertThat(html).contains("grace period &lt;30 s&gt; &amp; not before")
                    .contains("&quot;early&quot; &lt;kill&gt; &amp; done")
                    .doesNotContain("<kill>", "<30 s>");
        }

        @Test
        void should_be_self_contained() {
            String html = HtmlReport.toHtml(SampleRun.result());

            assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                    .doesNotContain("<script", "<link", "src=", "url(", "https://");
            assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://");
        }

        @Test
        void should_picture_the_engine_counterexample_with_a_row_per_container_of_the_shrunk_pod() {
            RunResult run = SampleRun.result();
            var c = run.invariants().get(0).counterexample();
            String html = HtmlReport.toHtml(run);

            long containers = c.scenario().pod().spec().allContainers().count();
            // the known deviation's counterexample is pictured too, after the violation's
            assertThat(count(svg(html), "<g class=\"lane container\"")).isEqualTo((int) containers);
            assertThat(count(svg(html), "<g class=\"witness\">")).isEqualTo(c.verdict().witness().size());
            assertThat(html).contains("&lt;restartPolicy: Always&gt; &amp; &quot;friends&quot; (test &#39;only&#39;)");
        }
    }
}
