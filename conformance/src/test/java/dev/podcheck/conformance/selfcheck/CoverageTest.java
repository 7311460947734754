package dev.podcheck.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.runner.TrialSeeds;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * docs/coverage.md is generated here: the catalogue's claimed facts, each direction's invariants,
 * and the features of the default budget's trials (the scenarios {@code podcheck run} draws with
 * {@link DefaultRun#SEED}, on the reference engine) with their measured rates. It writes
 * target/coverage.md and fails when docs/coverage.md differs or a claimed fact has a direction
 * neither checked nor excused in {@link Gaps}.
 */
class CoverageTest {
    static final String HEADER = """
            # Coverage: every claimed fact, both directions, and what exercises it

            **Generated, not hand-written**: CoverageTest (conformance, selfcheck) writes
            `conformance/target/coverage.md`; copy it here when it changes (the test fails while this file
            differs). A fact is *claimed* when a catalogue invariant cites it (`SEMANTICS ...` in its source).
            Safety: the event never comes too early or when forbidden. Progress: it must come, by a bound
            from the rule plus the target's tolerance. Rates: the share of the default budget's 1,000 trials
            (seed 20250601, Size.DEFAULT, 10-minute horizon, reference engine) that show the feature.

            """;

    @Test
    void should_check_every_claimed_fact_both_ways_and_match_docs_coverage() throws IOException {
        CoverageTable table = new CoverageTable(Catalogue.all(), Files.readAllLines(Path.of("..", "docs",
                "semantics.md")), rates(defaultBudget()));
        String doc = HEADER + table.markdown();
        Path out = Path.of("target", "coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, doc);

        assertThat(table.problems()).as("claimed facts without both directions or a reason").isEmpty();
        assertThat(Files.readString(Path.of("..", "docs", "coverage.md")))
                .as("docs/coverage.md is stale: copy conformance/target/coverage.md into it").isEqualTo(doc);
    }

    /** The trials of a plain {@code podcheck run} with the self-check's seed, as the Runner draws them. */
    static List<Observed> defaultBudget() {
        Gen<Scenario> scenarios = ScenarioGen.scenarios(Size.DEFAULT);
        EngineTarget engine = new EngineTarget();
        TrialSeeds seeds = new TrialSeeds(DefaultRun.SEED);
        return IntStream.range(0, DefaultRun.TRIALS).parallel().mapToObj(trial -> {
            Scenario defaulted = Defaulting.apply(scenarios.generate(Choices.random(seeds.forTrial(trial))));
            return new Observed(defaulted, engine.run(defaulted, DefaultRun.HORIZON), engine.observations(),
                    engine.tolerance(), DefaultRun.HORIZON);
        }).toList();
    }

    static Map<String, Double> rates(List<Observed> trials) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Feature f : TrialFeatures.ALL) {
            out.put(f.name(), trials.stream().filter(f.shows()).count() / (double) trials.size());
        }
        return out;
    }
}
