package dev.podcheck.spec.yaml;

/**
 * Text from the input made safe to print: a name or value may hold terminal escape sequences, carriage
 * returns or bidirectional overrides, which would act on the user's terminal instead of being read. They
 * are written as Go writes them ({@code \x1b}, {@code \u202e}), so the apiserver's and podcheck's messages agree.
 */
public final class Printable {
    private Printable() {}

    /**
     * {@code text} with every character that is not printable escaped, line breaks included (a message is one
     * line); the rest as it is.
     */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (printable(c)) {
                out.appendCodePoint(c);
            } else {
                escape(c, out);
            }
        });
        return out.toString();
    }

    /** Go's strconv.Quote (the {@code %q} of a field error's value): in double quotes, escaped. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (printable(c)) {
                out.appendCodePoint(c);
            } else {
                escape(c, out);
            }
        });
        return out.append('"').toString();
    }

    private static void escape(int c, StringBuilder out) {
        switch (c) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (c < 0x80) {
                    out.append(String.format("\\x%02x", c));
                } else if (c <= 0xffff) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append(String.format("\\U%08x", c));
                }
            }
        }
    }

    /** As Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
