package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay runs nothing it has not read, defaulted and validated: an invalid pod is exit 1, never a verdict. */
class ReplayAdmissionTest {
    @TempDir
    Path dir;

    @Test
    void should_refuse_to_replay_a_pod_the_apiserver_would_refuse() throws IOException {
        // GIVEN a scenario whose container has neither name nor image (a YAML null)
        Path pod = Files.writeString(dir.resolve("pod.yaml"),
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - null\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // WHEN it is replayed
        int exit = Podcheck.execute(new PrintWriter(out, true), new PrintWriter(err, true), "replay", pod.toString(),
                "--report-dir", dir.resolve("reports").toString());

        // THEN nothing ran, and the apiserver's reasons are given
        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.VIOLATED);
        assertThat(err.toString()).contains(pod + ":7:5: spec.containers[0].name: Required value",
                pod + ":7:5: spec.containers[0].image: Required value");
        assertThat(out.toString()).doesNotContain("trials");
        assertThat(dir.resolve("reports")).doesNotExist();
    }
}
