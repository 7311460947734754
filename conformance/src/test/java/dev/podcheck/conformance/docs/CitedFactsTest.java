package dev.podcheck.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fact id the repository cites (SEMANTICS T-7 in a comment or an invariant's source, "(R-6)" in a
 * javadoc, KR-1..KR-5 in the README) names a fact of docs/semantics.md, which carries an anchor for each,
 * so reports can link docs/semantics.md#t-7 and a reader finds it without leaving the repository.
 */
class CitedFactsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path SEMANTICS = ROOT.resolve("docs/semantics.md");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>");
    private static final Pattern DEFINED = Pattern.compile("(?m)^\\s*- ([A-Z]+-\\d+[a-z]?):? ");

    @Test
    void should_give_every_fact_one_anchor_named_after_its_id() throws IOException {
        String doc = Files.readString(SEMANTICS);
        List<String> anchors = ANCHOR.matcher(doc).results().map(m -> m.group(1)).toList();
        Set<String> facts = DEFINED.matcher(doc).results().map(m -> m.group(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(anchors).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(anchors)).isEqualTo(facts);
    }

    @Test
    void should_resolve_every_fact_id_cited_anywhere_in_the_repository() throws IOException {
        String doc = Files.readString(SEMANTICS);
        Set<String> anchors = ANCHOR.matcher(doc).results().map(m -> m.group(1)).collect(Collectors.toSet());
        Set<String> prefixes = anchors.stream().map(a -> a.substring(0, a.indexOf('-')).toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Pattern cited = Pattern.compile("\\b(" + String.join("|", prefixes) + ")-(\\d+)([a-z]?)(?:\\.\\.(?:[A-Z]+-)?(\\d+))?\\b");

        List<String> unresolved = new ArrayList<>();
        for (Path file : sources()) {
            Matcher id = cited.matcher(read(file));
            while (id.find()) {
                int from = Integer.parseInt(id.group(2));
                int to = id.group(4) == null ? from : Integer.parseInt(id.group(4));
                for (int n = from; n <= to; n++) {
                    String anchor = id.group(1).toLowerCase(Locale.ROOT) + "-" + n + (n == from ? id.group(3) : "");
                    if (!anchors.contains(anchor)) {
                        unresolved.add(ROOT.relativize(file) + ": " + id.group());
                    }
                }
            }
        }
        assertThat(unresolved).as("fact ids cited but not in docs/semantics.md").isEmpty();
    }

    @Test
    void should_cite_facts_by_id_not_by_section_or_wildcard() {
        Pattern vague = Pattern.compile("SEMANTICS (?:[A-Z]+(?:[,)]|-\\*)|\\d|section)");
        List<String> vagueCitations = sources().stream()
                .filter(f -> vague.matcher(read(f)).find())
                .map(f -> ROOT.relativize(f).toString()).toList();

        assertThat(vagueCitations).isEmpty();
    }

    /** The repository's source and documentation, without build output. */
    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(java|md|go|ya?ml)$"))
                    .filter(f -> Stream.of("target", ".git", "node_modules", "vendor").noneMatch(dir -> containsDir(f, dir)))
                    .filter(f -> !f.normalize().equals(SEMANTICS.normalize()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean containsDir(Path file, String dir) {
        for (Path part : file) {
            if (part.toString().equals(dir)) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            // Test data may hold bytes that are not UTF-8 on purpose: read them as replacement characters.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
