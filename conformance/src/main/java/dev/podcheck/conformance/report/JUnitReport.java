package dev.podcheck.conformance.report;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.InvariantResult.Outcome;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML, the format every CI system shows as tests: one {@code <testsuite name="podcheck">},
 * one {@code <testcase classname="podcheck.GROUP" name="ID">} per invariant. A violation is a
 * {@code <failure>}, an unknown verdict an {@code <error>}, a known deviation or an invariant the
 * target cannot observe is {@code <skipped>}. A target that is not the reference gets one more
 * testcase, {@code podcheck.differential} {@value Differential#ID}, for its comparison with the
 * engine's predictions. The suite's properties carry seed, shard and target.
 *
 * <p>Stability: experimental; testcase names are the invariant ids, which are stable.
 */
public final class JUnitReport {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitReport() {}

    public static String toXml(RunResult run) {
        StringWriter text = new StringWriter();
        write(run, text);
        return text.toString();
    }

    public static void write(RunResult run, Writer out) {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            suite(run, xml);
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void suite(RunResult run, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        attribute(xml, "name", "podcheck");
        DifferentialResult.Outcome compared = run.comparedWithReference() ? run.differential().outcome() : null;
        int gate = run.uncheckedBecause() == null ? 0 : 1;
        attribute(xml, "tests", run.invariants().size() + (compared == null ? 0 : 1) + gate);
        attribute(xml, "failures", count(run, Outcome.VIOLATED) + (compared == DifferentialResult.Outcome.DIFFERS ? 1 : 0));
        attribute(xml, "errors", count(run, Outcome.UNKNOWN) + gate);
        attribute(xml, "skipped", count(run, Outcome.KNOWN_DEVIATION) + count(run, Outcome.NOT_OBSERVABLE)
                + (compared == DifferentialResult.Outcome.KNOWN_DEVIATION ? 1 : 0));
        attribute(xml, "time", seconds(run.elapsed().toMillis()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "seed", Long.toString(run.seed()));
        property(xml, "shard", run.shard().toString());
        property(xml, "target", run.target());
        property(xml, "trials", Integer.toString(run.trialsRun()));
        property(xml, "targetErrors", Integer.toString(run.targetErrors().size()));
        property(xml, "budgetReached", Boolean.toString(run.budgetReached()));
        property(xml, "interrupted", Boolean.toString(run.interrupted()));
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        for (InvariantResult r : run.invariants()) {
            testcase(run, r, xml);
        }
        if (compared != null) {
            differential(run, run.differential(), xml);
        }
        if (run.uncheckedBecause() != null) {
            checkedNothing(run, xml);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
    }

    /**
     * A run that checked too little (no trial, nothing observable, the budget short of --min-trials,
     * interrupted) is an error of its own: a CI view must not show only passing invariants then.
     */
    private static void checkedNothing(RunResult run, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        attribute(xml, "classname", "podcheck.run");
        attribute(xml, "name", "checked-enough");
        attribute(xml, "time", "0");
        detail(xml, "error", "INCONCLUSIVE", run.uncheckedBecause(), run.uncheckedBecause() + "\n");
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private static void testcase(RunResult run, InvariantResult r, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        attribute(xml, "classname", "podcheck." + r.invariant().group());
        attribute(xml, "name", r.invariant().id());
        attribute(xml, "time", "0");
        switch (r.outcome()) {
            case VIOLATED -> failure(run, r, xml);
            case UNKNOWN -> detail(xml, "error", "UNKNOWN", "UNKNOWN in " + r.unknown() + " trials: " + r.firstUnknown(),
                    "MUST: " + r.invariant().must() + "\n" + r.firstUnknown() + "\n");
            case KNOWN_DEVIATION -> skipped(xml, "known deviation on " + run.target() + ": " + r.knownDeviation());
            case NOT_OBSERVABLE -> skipped(xml, "not observable on " + run.target() + ": needs " + r.invariant().needs());
            case HOLDS -> systemOut(xml, "holds in " + r.holds() + " trials\nMUST: " + r.invariant().must() + "\n");
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void failure(RunResult run, InvariantResult r, XMLStreamWriter xml) throws XMLStreamException {
        Counterexample c = r.counterexample();
        if (c == null) {
            detail(xml, "failure", "VIOLATED", "violated in " + r.violated() + " trials", "MUST: " + r.invariant().must() + "\n");
            return;
        }
        String body = "MUST: " + r.invariant().must() + "\n"
                + c.verdict().message() + "\n\n"
                + "found: " + c.origin() + ", violated in " + r.violated() + " trials, " + Replay.shrunk(c)
                + "\nreplay: " + Replay.command(run, c) + "\n\n"
                + "witness:\n" + Witness.text(c.verdict().witness()) + "\n"
                + "pod:\n" + ScenarioWriter.toYaml(c.scenario()) + "\n"
                + "timeline:\n" + Timeline.of(c.scenario().pod()).render(c.trace());
        detail(xml, "failure", "VIOLATED", c.verdict().message(), body);
    }

    /**
     * The comparison with the reference as a testcase of its own: it fails when a trial differs
     * (with the first divergence's differences, pod and both timelines), is skipped as a known
     * deviation when listed, and passes otherwise.
     */
    private static void differential(RunResult run, DifferentialResult r, XMLStreamWriter xml)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        attribute(xml, "classname", "podcheck." + Divergences.GROUP);
        attribute(xml, "name", Differential.ID);
        attribute(xml, "time", "0");
        switch (r.outcome()) {
            case DIFFERS -> {
                Divergence d = r.first();
                List<String> messages = Divergences.messages(run, d);
                String body = "MUST: " + Divergences.MUST + "\n" + String.join("\n", messages) + "\n\n"
                        + "found: " + Divergences.found(d) + "; " + Divergences.count(r) + "\n"
                        + "replay: " + Replay.command(run, d) + "\n\n"
                        + "pod:\n" + ScenarioWriter.toYaml(d.scenario()) + "\n"
                        + Divergences.timelines(run, d);
                String more = messages.size() > 1 ? " (and " + (messages.size() - 1) + " more)" : "";
                detail(xml, "failure", "DIFFERS", messages.get(0) + more, body);
            }
            case KNOWN_DEVIATION -> skipped(xml, "known deviation on " + run.target() + ": "
                    + String.join("; ", Divergences.known(r)));
            case AGREES -> systemOut(xml, "agrees with the reference in " + r.compared() + " trials\nMUST: "
                    + Divergences.MUST + "\n");
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void detail(XMLStreamWriter xml, String element, String type, String message, String body)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        attribute(xml, "message", message);
        attribute(xml, "type", type);
        xml.writeCharacters(XmlText.clean(body));
        xml.writeEndElement();
    }

    private static void skipped(XMLStreamWriter xml, String message) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("skipped");
        attribute(xml, "message", message);
    }

    private static void systemOut(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeAttribute(name, XmlText.attribute(String.valueOf(value)));
    }

    private static int count(RunResult run, Outcome outcome) {
        return (int) run.invariants().stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
