package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's predict sample is what predict prints for examples/web.yaml, so the README stays true. */
class ReadmePredictSampleTest {
    @Test
    void should_show_in_the_README_exactly_what_predict_prints() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int intro = readme.indexOf("exactly as `./podcheck predict");
        int start = readme.indexOf("```\n", intro) + 4;
        String sample = readme.substring(start, readme.indexOf("```\n", start));

        PodcheckCliTest.Run run = PodcheckCliTest.podcheck("predict", "../examples/web.yaml");

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        // Run from the module directory; the README shows the command run from the project root.
        assertThat(run.out().replaceFirst("^# \\.\\./", "# ")).isEqualTo(sample);
    }
}
