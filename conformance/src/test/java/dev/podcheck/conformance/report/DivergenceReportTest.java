package dev.podcheck.conformance.report;

import static dev.podcheck.conformance.report.HtmlReportTest.count;
import static dev.podcheck.conformance.report.JUnitReportTest.elements;
import static dev.podcheck.conformance.report.JUnitReportTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.differential.Fact;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.conformance.invariant.Catalogue;
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
    /** The first difference of the first divergence: the fact id, both values and what was allowed. */
    static final String FIRST = "differs/start-interval: container init first started after side let it by 5000 ms "
            + "in the reference, 8000 ms on faulty-engine (allowed 5000..5000 ms)";

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
            assertThat(html).contains("<li class=\"message\">" + FIRST + "</li>")
                    .contains("<a href=\"#" + ID + "\">" + ID + "</a></td><td class=\"outcome\">DIFFERS</td>")
                    .contains("Replay: <code>podcheck run --target faulty-engine --seed 3 --trials 4</code>");
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
            // one testcase per init invariant, and the differential's, which comes last
            List<Element> testcases = elements(doc, "testcase");
            assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(testcases.size()))
                    .isEqualTo(Long.toString(Catalogue.all().stream().filter(i -> i.group().equals("init")).count() + 1));
            assertThat(suite.getAttribute("failures")).isEqualTo("3");
            Element testcase = testcases.get(testcases.size() - 1);
            assertThat(testcase.getAttribute("classname") + " " + testcase.getAttribute("name"))
                    .isEqualTo("podcheck.differential " + ID);
            Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("type")).isEqualTo("DIFFERS");
            assertThat(failure.getAttribute("message")).isEqualTo(FIRST + " (and 3 more)");
            assertThat(failure.getTextContent())
                    .contains(FIRST + "\n")
                    .contains("found: seed 3 trial 3, as it happened (a divergence is not shrunk); 6 of 30 trials differ")
                    .contains("replay: podcheck run --target faulty-engine --seed 3 --trials 4\n")
                    .contains("reference (engine):\n  time  container  change\n")
                    .contains("observed on faulty-engine:\n  time  container  change\n");
        }

        @Test
        void should_skip_it_when_every_fact_it_differs_on_is_listed_as_known() throws Exception {
            String why = "this node starts apps early";
            RunResult known = DivergentRun.run(Stream.of(Fact.values())
                    .map(f -> new KnownDifference(f, null, List.of(), why)).toList());
            Document doc = parse(JUnitReport.toXml(known));

            assertThat(elements(doc, "skipped")).extracting(s -> s.getAttribute("message")).singleElement()
                    .asString().startsWith("known deviation on faulty-engine: differs/")
                    .contains("differs/start-interval: " + why + " (4 trials)");
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
            assertThat(d.get("differing").asInt()).isEqualTo(6);
            assertThat(d.get("byFact").get("differs/start-interval").asInt()).isPositive();
            assertThat(d.get("differingTrials")).hasSize(6);
            JsonNode divergence = d.get("divergence");
            assertThat(divergence.get("reference").get("events")).hasSize(first().reference().events().size());
            assertThat(divergence.get("observed").get("events")).hasSize(first().observed().events().size());
            JsonNode difference = divergence.get("differences").get(0);
            assertThat(difference.get("fact").asString()).isEqualTo("differs/start-interval");
            assertThat(difference.get("container").asString()).isEqualTo("init");
            assertThat(difference.get("kind").asString()).isEqualTo("init");
            assertThat(difference.get("expected").asString()).isEqualTo("5000 ms");
            assertThat(difference.get("observed").asString()).isEqualTo("8000 ms");
            assertThat(difference.get("allowed").asString()).isEqualTo("5000..5000 ms");
            assertThat(difference.get("message").asString()).isEqualTo(FIRST);
        }
    }

    @Nested
    class Console {
        @Test
        void should_show_the_divergence_in_full_and_count_it_in_the_exit_code() {
            String text = ConsoleReport.summaryText(DivergentRun.result());

            // the sixth: an app started early writes over its ephemeral-storage limit early and is evicted a pass sooner
            String count = "6 of 30 trials differ from the reference (differs/start-interval in 4, differs/run-time in 1, "
                    + "differs/restart-count in 2, differs/phase in 1)";
            assertThat(text).contains("\n" + ID + ": " + count + "\n")
                    .contains("DIFFERS " + ID + ": " + count + "\n"
                            + "  MUST:    " + Divergences.MUST + "\n"
                            + "  found:   seed 3 trial 3, as it happened (a divergence is not shrunk)\n"
                            + "  replay:  podcheck run --target faulty-engine --seed 3 --trials 4\n"
                            + "  differences:\n"
                            + "    " + FIRST + "\n")
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
                    hand.elapsed(), false, DifferentialResult.agreeing(100));
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
