package dev.podcheck.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.TraceCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Performance work on the engine must not change a single trace: the SHA-256 of each trace's JSON
 * for a fixed corpus of generated scenarios is pinned in {@code trace-digests.txt}.
 *
 * <p>A deliberate change of semantics changes digests too; after reviewing it, re-record with
 * {@code ./mvnw -B -o -pl spec,engine verify -Dtest=TraceDigestTest -Dpodcheck.recordTraceDigests=true}.
 */
class TraceDigestTest {
    private static final String RESOURCE = "trace-digests.txt";
    private static final Path SOURCE = Path.of("src/test/resources/dev/podcheck/engine/golden", RESOURCE);
    private static final EngineOptions ONE_HOUR = EngineOptions.DEFAULT.withHorizon(Duration.ofHours(1));

    /** Named corpus entries: the default mix, and a probe-heavy mix over a longer horizon. */
    private static Map<String, String> digests() {
        Map<String, String> out = new LinkedHashMap<>();
        for (long seed = 0; seed < 300; seed++) {
            out.put("default/" + seed, digest(scenario(Size.DEFAULT, seed), EngineOptions.DEFAULT));
        }
        Size probeHeavy = Size.DEFAULT.withProbePercent(100);
        for (long seed = 0; seed < 50; seed++) {
            out.put("probes-1h/" + seed, digest(scenario(probeHeavy, seed), ONE_HOUR));
        }
        return out;
    }

    private static Scenario scenario(Size size, long seed) {
        return Defaulting.apply(ScenarioGen.scenarios(size).generate(Choices.random(seed)));
    }

    private static String digest(Scenario scenario, EngineOptions options) {
        String json = TraceCodec.toJson(Engine.simulate(scenario, options));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_produce_the_pinned_trace_for_every_scenario_of_the_corpus() throws IOException {
        Map<String, String> actual = digests();
        if (Boolean.getBoolean("podcheck.recordTraceDigests")) {
            List<String> lines = new ArrayList<>();
            actual.forEach((name, hash) -> lines.add(name + " " + hash));
            Files.createDirectories(SOURCE.getParent());
            Files.write(SOURCE, lines, StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyEntriesOf(pinned());
    }

    private static Map<String, String> pinned() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = TraceDigestTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("pinned digests " + RESOURCE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.trim().split(" ");
                    out.put(parts[0], parts[1]);
                }
            }
        }
        return out;
    }
}
