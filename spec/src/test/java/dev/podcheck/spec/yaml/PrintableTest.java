package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Input printed to a terminal cannot act on it: Go's escapes, as the apiserver's %q writes them. */
class PrintableTest {
    @Test
    void should_escape_terminal_sequences_line_breaks_and_bidi_overrides_and_keep_the_rest() {
        assertThat(Printable.of("\u001b[31mred\u001b[0m\r\n\t\u0007é\u202e漢"))
                .isEqualTo("\\x1b[31mred\\x1b[0m\\r\\n\\t\\aé\\u202e漢");
    }

    @Test
    void should_quote_as_go_strconv_quote() {
        assertThat(Printable.quoted("a\"b\\c\u0000\u0085")).isEqualTo("\"a\\\"b\\\\c\\x00\\u0085\"");
        assertThat(Printable.quoted("../../etc")).isEqualTo("\"../../etc\"");
    }
}
