package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeconfig podcheck cannot use, given on the command line: one line that names the file, and exit code 5. */
class KubeconfigExitTest {
    @TempDir
    Path dir;

    @Test
    void should_exit_5_with_one_line_naming_the_file_from_the_command_line() throws IOException {
        Path file = Files.writeString(dir.resolve("kubeconfig"), "clusters: [ {");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Podcheck.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--target",
                "kubernetes", "--kubeconfig", file.toString(), "--trials", "1", "--report-dir", dir.resolve("r").toString());

        assertThat(exit).isEqualTo(ExitCodes.TARGET_UNAVAILABLE);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("podcheck: target kubernetes cannot be used: " + file + " is not a kubeconfig:");
    }
}
