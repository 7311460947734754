package dev.podcheck.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README sends a reader only to files of the repository, and each of them exists. */
class ReadmeLinksTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void should_link_only_to_files_that_exist_in_the_repository() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher link = LINK.matcher(readme);
        int relative = 0;
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("https?://.*") || target.startsWith("#")) {
                continue;
            }
            String file = target.replaceFirst("#.*$", "");
            assertThat(file).as("a link inside the repository, not to an absolute path or above it")
                    .doesNotStartWith("/").doesNotStartWith("..").doesNotStartWith("file:");
            assertThat(ROOT.resolve(file)).as("README links to %s", target).exists();
            relative++;
        }
        assertThat(relative).as("the README links its docs").isPositive();
    }

    @Test
    void should_not_mention_a_file_outside_the_repository() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme).doesNotContain("/work/").doesNotContain("SEMANTICS.md");
    }

    @Test
    void should_resolve_each_link_to_a_fact_of_docs_semantics() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/semantics.md"));
        Matcher link = Pattern.compile("docs/semantics\\.md#([a-z0-9-]+)").matcher(Files.readString(ROOT.resolve("README.md")));
        List<String> anchors = link.results().map(m -> m.group(1)).toList();

        anchors.forEach(anchor -> assertThat(doc).as(anchor).contains("<a id=\"" + anchor + "\"></a>"));
    }
}
