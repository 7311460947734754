package dev.podcheck.conformance.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/differential.md has one table of the facts, and it says what {@link Fact} says. */
class FactTableTest {
    @Test
    void should_document_every_fact_with_its_id_and_must_sentence_in_one_table_row() throws IOException {
        List<String> rows = Files.readString(Path.of("..", "docs", "differential.md")).lines()
                .filter(l -> l.startsWith("| `differs/")).toList();

        assertThat(rows).hasSize(Fact.values().length);
        for (Fact f : Fact.values()) {
            assertThat(rows).as(f.id()).anySatisfy(row -> assertThat(row)
                    .startsWith("| `" + f.id() + "` | " + f.must()));
        }
    }
}
