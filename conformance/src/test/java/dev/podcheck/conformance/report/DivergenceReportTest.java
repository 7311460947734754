package dev.podcheck.conformance.report;

import static dev.podcheck.conformance.report.HtmlReportTest.count;
import static dev.podcheck.conformance.report.JUnitReportTest.elements;
import static dev.podcheck.conformance.report.JUnitReportTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every report carries the finding differs-from-reference for a target that is not the reference, and only then. */
class DivergenceReportTest {
    static final String ID = Differential.ID;

    static Divergence first() {
        return DivergentRun.result().differential().first();
    }

    @AfterAll
    static void write_a_sample_for_the_browser_check() throws Exception {
        Files.createDirectories(HtmlReportTest.SAMPLES);
        Reports.writeAll(DivergentRun.result(), HtmlReportTest.SAMPLES.resolve("divergent"));
    }

    @Nested
    class Html {
        @Test
        void should_show_the_reference_timeline_above_the_observed_one_on_one_time_axis() {
            String html = HtmlReport.toHtml(DivergentRun.result());
            String section = html.substring(html.indexOf("<h2 id=\"" + ID + "\">DIFFERS " + ID + "</h2>"));

            assertThat(section.indexOf("<h3>Reference (engine)</h3>"))
                    .isLessThan(section.indexOf("<h3>Observed on " + DivergentRun.TARGET + "</h3>"));
            List<String> pictures = svgs(section);
            assertThat(pictures).hasSize(2);
            long containers = first().scenario().pod().spec().allContainers().count();
            assertThat(pictures).allSatisfy(svg -> {
                assertThat(count(svg, "<g class=\"lane container\"")).isEqualTo((int) containers);
                assertThat(axis(svg)).isEqualTo(axis(pictures.get(0)));
            });
            assertThat(pictures.get(0)).isNotEqualTo(pictures.get(1));
        }

        @Test
        void should_list_each_difference_and_how_to_replay_it() {
            String html = HtmlReport.toHtml(DivergentRun.result());

            assertThat(count(html, "<li class=\"message\">")).isEqualTo(first().differences().size());
            assertThat(html).contains("<li class=\"message\">container app never started in the reference, "
                    + "started at 0 ms on faulty-engine</li>")
                    .contains("<a href=\"#" + ID + "\">" + ID + "</a></td><td class=\"outcome\">DIFFERS</td>")
                    .contains("Replay: <code>podcheck run --target faulty-engine --seed 3 --trials 1</code>");
        }

        @Test
        void should_be_well_formed_pictures() throws Exception {
            String html = HtmlReport.toHtml(DivergentRun.result());
            for (String svg : svgs(html)) {
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
                assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            }
        }

        private static List<String> svgs(String html) {
            return Stream.of(html.split("<svg")).skip(1).map(part -> "<svg" + part.substring(0, part.indexOf("</svg>") + 6))
                    .toList();
        }

        /** The tick labels of a picture's time axis. */
        private static String axis(String svg) {
            return svg.substring(svg.indexOf("<g class=\"axis\">"), svg.indexOf("</g>", svg.indexOf("<g class=\"axis\">")));
        }
    }

    @Nested
    class JUnit {
        @Test
        void should_fail_a_testcase_of_its_own_with_both_timelines() throws Exception {
            Document doc = parse(JUnitReport.toXml(DivergentRun.result()));

            Element suite = doc.getDocumentElement();
            assertThat(suite.getAttribute("tests")).isEqualTo("3");
            assertThat(suite.getAttribute("failures")).isEqualTo("3");
            Element testcase = elements(doc, "testcase").get(2);
            assertThat(testcase.getAttribute("classname") + " " + testcase.getAttribute("name"))
                    .isEqualTo("podcheck.differential " + ID);
            Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("type")).isEqualTo("DIFFERS");
            assertThat(failure.getAttribute("message")).isEqualTo(
                    "the pod was never Ready in the reference, was Ready during 0-25000 ms on faulty-engine (and 4 more)");
            assertThat(failure.getTextContent())
                    .contains("container app-2 never ended in the reference, ended at 25000 ms with exit code 143 on "
                            + "faulty-engine\n")
                    .contains("found: seed 3 trial 0, as it happened (a divergence is not shrunk); 8 of 30 trials differ")
                    .contains("replay: podcheck run --target faulty-engine --seed 3 --trials 1\n")
                    .contains("reference (engine):\n  time  container  change\n")
                    .contains("observed on faulty-engine:\n  time  container  change\n")
                    .contains(" 0.000  app        Running, started, ready\n");
        }

        @Test
        void should_skip_it_when_listed_as_known() throws Exception {
            RunResult known = DivergentRun.run(Map.of(ID, "this node starts apps early"));
            Document doc = parse(JUnitReport.toXml(known));

            assertThat(elements(doc, "skipped")).extracting(s -> s.getAttribute("message"))
                    .containsExactly("known deviation on faulty-engine: this node starts apps early");
            assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        }
    }

    @Nested
    class Json {
        @Test
        void should_carry_the_first_divergence_with_both_traces() {
            JsonNode d = JsonMapper.builder().build().readTree(JsonReport.toJson(DivergentRun.result())).get("differential");

            assertThat(d.get("id").asString()).isEqualTo(ID);
            assertThat(d.get("outcome").asString()).isEqualTo("DIFFERS");
            assertThat(d.get("compared").asInt()).isEqualTo(30);
            assertThat(d.get("differing").asInt()).isEqualTo(8);
            JsonNode divergence = d.get("divergence");
            assertThat(divergence.get("reference").get("events")).hasSize(first().reference().events().size());
            assertThat(divergence.get("observed").get("events")).hasSize(first().observed().events().size());
            JsonNode difference = divergence.get("differences").get(1);
            assertThat(difference.get("fact").asString()).isEqualTo("STARTED");
            assertThat(difference.get("container").asString()).isEqualTo("app");
            assertThat(difference.get("expectedAt").isNull()).isTrue();
            assertThat(difference.get("observedAt").asLong()).isZero();
            assertThat(difference.get("message").asString())
                    .isEqualTo("container app never started in the reference, started at 0 ms on faulty-engine");
        }
    }

    @Nested
    class Console {
        @Test
        void should_show_the_divergence_in_full_and_count_it_in_the_exit_code() {
            String text = ConsoleReport.summaryText(DivergentRun.result());

            assertThat(text).contains("\n" + ID + ": 8 of 30 trials differ from the reference\n")
                    .contains("DIFFERS " + ID + ": 8 of 30 trials differ from the reference\n"
                            + "  MUST:    " + Divergences.MUST + "\n"
                            + "  found:   seed 3 trial 0, as it happened (a divergence is not shrunk)\n"
                            + "  replay:  podcheck run --target faulty-engine --seed 3 --trials 1\n"
                            + "  differences:\n"
                            + "    the pod was never Ready in the reference, was Ready during 0-25000 ms on faulty-engine\n")
                    .contains("  timelines:\n    reference (engine):\n")
                    .contains("    observed on faulty-engine:\n")
                    .endsWith("exit 1: an invariant is violated or the target differs from the reference\n");
        }
    }

    @Nested
    class NotReproduced {
        /** The hand-built run, as a real target's whose counterexample did not fail again on re-run. */
        static RunResult notReproduced() {
            RunResult hand = HandRun.result();
            InvariantResult r = hand.invariants().get(0);
            Counterexample c = r.counterexample();
            Counterexample original = new Counterexample(c.invariant(), c.origin(), c.trialSeed(), c.trial(),
                    c.scenario(), c.trace(), c.verdict(), 0, false);
            InvariantResult shown = new InvariantResult(r.invariant(), true, r.holds(), r.violated(), r.unknown(),
                    original, null, null);
            return new RunResult("kind", hand.seed(), hand.shard(), List.of(shown), hand.trialsRun(), List.of(), 0,
                    hand.elapsed(), false, new DifferentialResult(100, 0, null, null));
        }

        @Test
        void should_mark_a_counterexample_that_did_not_fail_again() throws Exception {
            RunResult run = notReproduced();
            String note = "not reproduced on re-run (shown as it happened, unshrunk)";

            assertThat(ConsoleReport.summaryText(run)).contains("  found:   seed 42 trial 17, " + note + "\n");
            assertThat(HtmlReport.toHtml(run)).contains("violated in 1 trials, " + note + ". Replay:");
            assertThat(elements(parse(JUnitReport.toXml(run)), "failure").get(0).getTextContent())
                    .contains("found: seed 42 trial 17, violated in 1 trials, " + note + "\n");
            JsonNode c = JsonMapper.builder().build().readTree(JsonReport.toJson(run)).get("invariants").get(0)
                    .get("counterexample");
            assertThat(c.get("reproduced").asBoolean()).isFalse();
        }
    }

    @Nested
    class EngineRuns {
        @Test
        void should_carry_nothing_of_the_comparison_for_the_reference() throws Exception {
            for (RunResult run : List.of(HandRun.result(), SampleRun.result())) {
                assertThat(HtmlReport.toHtml(run)).doesNotContain(ID, "Reference (engine)");
                assertThat(ConsoleReport.summaryText(run)).doesNotContain(ID, "reference");
                assertThat(JUnitReport.toXml(run)).doesNotContain(ID, "differential");
                JsonNode root = JsonMapper.builder().build().readTree(JsonReport.toJson(run));
                assertThat(root.has("differential")).isFalse();
                root.get("invariants").forEach(i -> assertThat(i.get("counterexample").has("reproduced")).isFalse());
            }
        }
    }
}
