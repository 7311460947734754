package dev.podcheck.conformance.report;

import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.InvariantAudit;
import dev.podcheck.conformance.audit.Offence;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An audit as JUnit XML: one test case per invariant (class {@code podcheck.audit.<group>}); broken by
 * a pod, a failure listing every offending pod by namespace and owner; judged on none, skipped with
 * the reason; and a failing {@code podcheck.audit judged-something} when nothing could be judged.
 *
 * <p>Stability: experimental; test case names are stable.
 */
public final class AuditJUnit {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AuditJUnit() {}

    public static String toXml(AuditResult audit) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            int gate = audit.uncheckedBecause() == null ? 0 : 1;
            xml.writeAttribute("name", "podcheck audit");
            xml.writeAttribute("tests", Integer.toString(audit.invariants().size() + gate));
            xml.writeAttribute("failures", Integer.toString(audit.violated().size()));
            xml.writeAttribute("errors", Integer.toString(gate));
            xml.writeAttribute("skipped", Long.toString(audit.invariants().stream().filter(r -> !r.judged()).count()));
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", audit.watched().elapsed().toMillis() / 1000.0));
            for (InvariantAudit r : audit.invariants()) {
                testcase(r, xml);
            }
            if (gate > 0) {
                start(xml, "podcheck.audit", "judged-something");
                detail(xml, "error", "INCONCLUSIVE", audit.uncheckedBecause(), audit.uncheckedBecause() + "\n");
                end(xml);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void testcase(InvariantAudit r, XMLStreamWriter xml) throws XMLStreamException {
        start(xml, "podcheck.audit." + r.invariant().group(), r.invariant().id());
        if (r.violated() > 0) {
            StringBuilder body = new StringBuilder("MUST: ").append(r.invariant().must()).append("\n");
            r.byWorkload().forEach((workload, offences) -> {
                body.append('\n').append(workload).append(":\n");
                for (Offence o : offences) {
                    body.append("  pod ").append(o.pod().name()).append(": ").append(o.verdict().message()).append('\n')
                            .append(Witness.text(o.verdict().witness()));
                }
            });
            detail(xml, "failure", "VIOLATED", "violated by " + r.violated() + " pods: "
                    + r.violations().get(0).verdict().message(), body.toString());
        } else if (!r.judged()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", XmlText.attribute("judged on no pod: "
                    + (r.firstUnknown() == null ? "no pod" : r.firstUnknown())));
        } else {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(XmlText.clean("holds on " + r.holds() + " pods, unknown on " + r.unknown() + "\n"));
            xml.writeEndElement();
        }
        end(xml);
    }

    private static void start(XMLStreamWriter xml, String classname, String name) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void detail(XMLStreamWriter xml, String element, String type, String message, String body)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("type", type);
        xml.writeAttribute("message", XmlText.attribute(message));
        xml.writeCharacters(XmlText.clean(body));
        xml.writeEndElement();
    }
}
