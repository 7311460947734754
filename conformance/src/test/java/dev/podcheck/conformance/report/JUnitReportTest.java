package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void should_write_one_testcase_per_invariant_in_one_podcheck_suite() throws Exception {
        // GIVEN a run by hand, WHEN written as JUnit XML and parsed back
        Document doc = parse(JUnitReport.toXml(HandRun.result()));

        // THEN one suite, counts, properties and one testcase per invariant named by its id
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("podcheck");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(elements(doc, "property")).extracting(p -> p.getAttribute("name") + "=" + p.getAttribute("value"))
                .contains("seed=42", "shard=2/4", "target=engine");
        assertThat(elements(doc, "testcase")).extracting(t -> t.getAttribute("classname") + " " + t.getAttribute("name"))
                .containsExactly("podcheck.termination termination/grace", "podcheck.init init/order",
                        "podcheck.probe probe/liveness-restarts");
    }

    @Test
    void should_carry_the_violation_in_a_failure_with_exact_text_after_escaping() throws Exception {
        // GIVEN a MUST sentence and message with < > & and quotes
        Document doc = parse(JUnitReport.toXml(HandRun.result()));

        // THEN they read back exactly: the message attribute, and MUST, pod YAML and timeline in the body
        List<Element> failures = elements(doc, "failure");
        assertThat(failures).hasSize(1);
        Element failure = failures.get(0);
        assertThat(failure.getAttribute("message")).isEqualTo(HandRun.MESSAGE);
        assertThat(failure.getTextContent())
                .startsWith("MUST: " + HandRun.MUST + "\n" + HandRun.MESSAGE + "\n")
                .contains("replay: podcheck run --seed 42 --trials 18")
                .contains("pod:\napiVersion: v1\nkind: Pod\n")
                .contains("  - name: side\n")
                .contains("70.000  app        signal SIGKILL");
        assertThat(elements(doc, "error")).singleElement()
                .satisfies(e -> assertThat(e.getAttribute("message")).isEqualTo("UNKNOWN in 40 trials: probe results not observed"));
    }

    @Test
    void should_skip_known_deviations_and_unobservable_invariants() throws Exception {
        // GIVEN a real engine run with one invariant of each outcome
        Document doc = parse(JUnitReport.toXml(SampleRun.result()));

        // THEN known deviation and not observable are skipped, the violation fails, the unknown errs
        assertThat(elements(doc, "skipped")).extracting(s -> s.getAttribute("message")).containsExactly(
                "known deviation on engine-no-evictions: the target <rounds> times",
                "not observable on engine-no-evictions: needs [EVICTION]");
        assertThat(elements(doc, "failure")).singleElement()
                .satisfies(f -> assertThat(f.getAttribute("message")).startsWith("sidecar \"").endsWith("\" ran <&>"));
        assertThat(elements(doc, "error")).hasSize(1);
    }

    @Test
    void should_replace_characters_xml_cannot_carry_and_fold_newlines_in_attributes() {
        assertThat(XmlText.clean("a\u0000b\u001Bc\td\n")).isEqualTo("a\uFFFDb\uFFFDc\td\n");
        assertThat(XmlText.attribute("line 1\nline 2")).isEqualTo("line 1 line 2");
    }
}
