package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.yaml.TraceCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's trace JSON example is what TraceCodec writes, so the documented form cannot drift. */
class ReadmeTraceJsonTest {
    @Test
    void should_read_the_readme_trace_example_and_write_it_back_unchanged() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Trace JSON");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));

        assertThat(TraceCodec.toJson(TraceCodec.fromJson("README.md", example))).isEqualTo(example);
    }
}
