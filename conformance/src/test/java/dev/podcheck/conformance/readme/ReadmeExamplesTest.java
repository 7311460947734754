package dev.podcheck.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each Java example of the README marked {@code <!-- example: PATH -->} is the test source at PATH (from
 * its first import on), so the example the README shows is one the build compiles and runs.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\S+) -->\\n```java\\n(.*?)```\\n", Pattern.DOTALL);

    static Map<String, String> examples(String readme) {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(readme);
        while (m.find()) {
            examples.put(m.group(1), m.group(2));
        }
        return examples;
    }

    @Test
    void should_show_each_marked_example_exactly_as_the_build_compiles_it() throws IOException {
        Map<String, String> examples = examples(Files.readString(ROOT.resolve("README.md")));

        assertThat(examples).containsKeys("conformance/src/test/java/dev/podcheck/conformance/readme/CatalogueOnTheEngineTest.java",
                "junit/src/test/java/dev/podcheck/junit/readme/EngineCatalogueTest.java");
        for (Map.Entry<String, String> example : examples.entrySet()) {
            String source = Files.readString(ROOT.resolve(example.getKey()));
            assertThat(example.getValue()).as(example.getKey()).isEqualTo(source.substring(source.indexOf("import ")));
        }
    }
}
