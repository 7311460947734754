package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.Catalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FactCitationTest {

    @Test
    void should_turn_a_semantics_citation_into_links_to_the_repository_file() {
        assertThat(FactCitation.of("prober/worker.go doProbe; SEMANTICS P-4.10, INV-15 and KR-1..KR-3; more"))
                .isEqualTo("prober/worker.go doProbe; docs/semantics.md#p-4 (step 10), docs/semantics.md#inv-15, "
                        + "docs/semantics.md#kr-1, docs/semantics.md#kr-2, docs/semantics.md#kr-3; more");
    }

    @Test
    void should_leave_a_source_without_a_citation_as_it_is() {
        assertThat(FactCitation.of("kubelet.go SyncPod")).isEqualTo("kubelet.go SyncPod");
    }

    @Test
    void should_cite_for_every_invariant_only_anchors_that_exist_in_docs_semantics() throws IOException {
        Set<String> anchors = anchors();
        for (Invariant invariant : Catalogue.all()) {
            String cited = FactCitation.of(invariant.source());

            assertThat(cited).as(invariant.id()).doesNotContain("SEMANTICS").contains("docs/semantics.md#");
            Matcher link = Pattern.compile("docs/semantics\\.md#([a-z0-9-]+)").matcher(cited);
            while (link.find()) {
                assertThat(anchors).as("%s cites %s", invariant.id(), link.group()).contains(link.group(1));
            }
        }
    }

    /** The anchors of the repository's docs/semantics.md. */
    static Set<String> anchors() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "semantics.md"));
        return Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>").matcher(doc).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
