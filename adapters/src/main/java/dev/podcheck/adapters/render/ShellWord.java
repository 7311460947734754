package dev.podcheck.adapters.render;

/** A value written into a generated {@code sh} script as one word, whatever it contains. */
final class ShellWord {
    private ShellWord() {}

    /** Single-quoted: the shell expands nothing inside; a quote is closed, escaped and reopened. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
