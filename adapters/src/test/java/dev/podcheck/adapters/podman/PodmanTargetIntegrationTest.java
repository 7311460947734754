package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("podman")
class PodmanTargetIntegrationTest {
    static final String FILE = System.getProperty("sc", "simple");
    @TempDir
    Path state;

    @Test
    void simple() throws Exception {
        PodmanTargetProvider provider = new PodmanTargetProvider();
        new CommandLine(provider.options()).parseArgs("--state-dir", state.toString());
        List<Scenario> all = ScenarioReader.read("t", Files.readString(Path.of("/tmp/pcw-podman/sc/" + FILE + ".yaml")));
        try (Target target = provider.open()) {
            for (Scenario sc : all) {
                Scenario s = Defaulting.apply(sc);
                try {
                    Trace trace = target.run(s, Duration.ofSeconds(Integer.getInteger("h", 15)));
                    System.out.println(trace.events().stream().map(TraceEvent::toString).collect(Collectors.joining("\n")));
                } catch (Target.TargetException e) {
                    System.out.println("TARGET ERROR: " + e.getMessage());
                }
            }
        }
    }
}
