package dev.podcheck.conformance.report;

/**
 * Text made safe for XML and HTML. The JDK's XMLStreamWriter escapes {@code < & "} but passes
 * characters XML 1.0 forbids (most control characters) through, which makes the file unreadable
 * to every parser; messages and container output may carry them.
 */
final class XmlText {
    private XmlText() {}

    /** The text with characters XML 1.0 cannot carry replaced by U+FFFD. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return out.toString();
    }

    /** One-line attribute text: a parser turns a raw newline in an attribute into a space anyway. */
    static String attribute(String text) {
        return clean(text).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Escaped for HTML element content and double- or single-quoted attribute values. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : clean(text).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
