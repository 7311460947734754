package dev.podcheck.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input, as a fuzzer or a careless user writes it, through the same entry point as the command
 * line: every answer is one clear line and an exit code (never an internal error, an exception or a stack
 * trace, never a raw control character), within {@link CliAnswer#SLOW} of CPU time per input.
 *
 * <p>The committed seeds ({@code src/test/resources/fuzz/seeds}, plus {@link LargeSeeds}) each hold one
 * class of hostile input; the mutation fuzzer edits them and valid generated scenarios (which reach the
 * engine and the renderer, where a broken seed stops at reading), {@value #DEFAULT_INPUTS} inputs per command
 * by default. A longer run: {@code -Dpodcheck.fuzz.inputs=10000} (and {@code -Dpodcheck.fuzz.seed=S},
 * {@code -Dpodcheck.fuzz.commands=validate,predict} for some of the commands).
 * An input over the bound is run again, and counts only if it is slow twice: a deterministic cost is slow
 * every time, a burst of JIT compilation or collection is not.
 */
class HostileInputFuzzTest {
    static final int DEFAULT_INPUTS = 300;
    private static final List<String> COMMANDS = List.of(
            System.getProperty("podcheck.fuzz.commands", "validate,predict,replay,render").split(","));
    private static final Path SEEDS = Path.of("src/test/resources/fuzz/seeds");

    @TempDir
    Path work;

    @Test
    void every_seed_gets_a_clear_answer_from_every_command() throws IOException {
        Map<String, String> seeds = seeds();
        Findings findings = new Findings("seeds");
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            for (String command : COMMANDS) {
                findings.check(command, seed.getKey(), seed.getValue());
            }
        }
        assertThat(findings.report()).isEmpty();
    }

    @Test
    void generated_inputs_get_a_clear_answer_from_every_command() throws IOException {
        int inputs = Integer.getInteger("podcheck.fuzz.inputs", DEFAULT_INPUTS);
        long seed = Long.getLong("podcheck.fuzz.seed", 1L);
        List<String> seeds = new ArrayList<>(seeds().values());
        seeds.add(Files.readString(Path.of("../examples/web.yaml")));
        Gen<Scenario> scenarios = ScenarioGen.scenarios();
        Mutations mutations = new Mutations(seed);
        Findings findings = new Findings("generated");
        for (int i = 0; i < inputs; i++) {
            // Two of three inputs start from a valid scenario, so that edits reach past reading.
            String source = i % 3 == 2 ? seeds.get(i / 3 % seeds.size())
                    : ScenarioWriter.toYaml(scenarios.generate(Choices.random(seed * 1_000_003L + i)));
            String input = mutations.mutate(source);
            for (String command : COMMANDS) {
                findings.check(command, "seed " + seed + " input " + i, input);
            }
        }
        System.out.println("fuzz: seed " + seed + ", " + inputs + " inputs per command; " + findings.summary());
        assertThat(findings.report()).isEmpty();
    }

    private static Map<String, String> seeds() throws IOException {
        Map<String, String> seeds = new TreeMap<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.toList()) {
                seeds.put(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        seeds.putAll(LargeSeeds.all());
        return seeds;
    }

    /**
     * The answers seen, and every defect by class (its first words) with the first input that showed it, kept in
     * {@code target/fuzz-findings/<kind>} (emptied when the test starts).
     */
    private final class Findings {
        private final Path kept;
        private final Map<String, Integer> exits = new TreeMap<>();
        private final Map<String, String> defects = new LinkedHashMap<>();
        private final Map<String, Integer> perCommand = new TreeMap<>();
        private final Map<String, Long> millisPerCommand = new TreeMap<>();
        private Duration slowest = Duration.ZERO;
        private String slowestInput = "";
        private int counter;

        Findings(String kind) throws IOException {
            kept = Path.of("target/fuzz-findings", kind);
            if (Files.isDirectory(kept)) {
                try (Stream<Path> old = Files.list(kept)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(kept);
        }

        void check(String command, String name, String input) {
            Path file = write(input);
            CliAnswer answer = answer(command, file);
            // The JVM's CPU time counts its collector and compilers too: a slow answer is measured once more, from
            // a collected heap, and the input is slow only if both are.
            if (answer.slow()) {
                System.gc();
                answer = answer(command, file);
            }
            perCommand.merge(command, 1, Integer::sum);
            millisPerCommand.merge(command, answer.took().toMillis(), Long::sum);
            exits.merge(command + " " + answer.exit(), 1, Integer::sum);
            if (answer.cpu().compareTo(slowest) > 0) {
                slowest = answer.cpu();
                slowestInput = command + " " + name;
            }
            String defect = answer.slow()
                    ? "took " + answer.cpu().toMillis() + " ms of CPU, " + answer.took().toMillis() + " ms, twice"
                    : answer.defect().orElse(null);
            if (defect != null) {
                String kind = command + ": " + defect.replaceAll("[0-9]+", "N");
                defects.computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind,
                        k -> name + " -> " + keep(input) + ": " + defect);
            }
        }

        private CliAnswer answer(String command, Path file) {
            return command.equals("replay")
                    ? CliAnswer.of(command, file.toString(), "--report-dir", work.resolve("reports").toString())
                    : CliAnswer.of(command, file.toString());
        }

        private Path write(String input) {
            try {
                return Files.write(work.resolve("input-" + (counter++ % 4) + ".yaml"), input.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String keep(String input) {
            try {
                return Files.write(kept.resolve("finding-" + defects.size() + ".yaml"), input.getBytes(StandardCharsets.ISO_8859_1))
                        .toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> report() {
            return defects.entrySet().stream().map(e -> e.getKey() + "  [" + e.getValue() + "]").toList();
        }

        String summary() {
            return "per command " + perCommand + ", ms per command " + millisPerCommand + ", exits " + exits + ", slowest "
                    + slowest.toMillis() + " ms of CPU (" + slowestInput + "), defects " + defects.size();
        }
    }
}
