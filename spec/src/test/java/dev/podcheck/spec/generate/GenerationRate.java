package dev.podcheck.spec.generate;

import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Counterexample;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;

/**
 * A quick measurement, not a test: scenarios generated per second on this machine, and the
 * shrinking work for the pinned cases. Run with the test classpath:
 * {@code java -cp spec/target/classes:spec/target/test-classes:<deps> dev.podcheck.spec.generate.GenerationRate}.
 */
public final class GenerationRate {
    private GenerationRate() {}

    public static void main(String[] args) {
        Gen<Scenario> gen = ScenarioGen.scenarios();
        rate("scenarios (generate only)", gen, s -> { });
        rate("scenarios + YAML write", gen, ScenarioWriter::toYaml);
        rate("invalid cases", InvalidPodGen.invalidCases(), s -> { });
        shrinkWork();
    }

    private static <T> void rate(String label, Gen<T> gen, java.util.function.Consumer<T> use) {
        long seed = 0;
        for (long warm = System.nanoTime(); System.nanoTime() - warm < 2_000_000_000L; ) {
            use.accept(gen.generate(Choices.random(seed++)));
        }
        long choices = 0;
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
            Choices c = Choices.random(seed++);
            use.accept(gen.generate(c));
            choices += c.size();
            n++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-28s %,10.0f per second (%.1f choices each)%n", label, n / seconds, (double) choices / n);
    }

    private static void shrinkWork() {
        Counterexample<Scenario> sidecar = Property.forAll(ScenarioGen.scenarios()).seed(42).trials(500)
                .findCounterexample(s -> {
                    if (s.pod().spec().sidecars().stream().anyMatch(c -> c.startupProbe() != null)) {
                        throw new AssertionError("sidecar with a startup probe");
                    }
                }).orElseThrow();
        print("sidecar with startup probe", sidecar);
        Counterexample<List<Integer>> sum = Property.forAll(Gen.listOf(Gen.integers(0, 1000), 0, 20)).seed(42)
                .trials(200).findCounterexample(l -> {
                    if (l.stream().mapToInt(i -> i).sum() > 100) {
                        throw new AssertionError("sum > 100");
                    }
                }).orElseThrow();
        print("sum > 100 -> " + sum.value(), sum);
        Counterexample<Integer> at37 = Property.forAll(Gen.integers(0, 1_000_000)).seed(42)
                .findCounterexample(i -> {
                    if (i >= 37) {
                        throw new AssertionError(">= 37");
                    }
                }).orElseThrow();
        print("int >= 37 -> " + at37.value(), at37);
    }

    private static void print(String label, Counterexample<?> c) {
        System.out.printf("shrink %-30s trial %d, %d steps kept, %d attempts, %d choices left%n",
                label, c.trial(), c.shrinkSteps(), c.shrinkAttempts(), c.choices().size());
    }
}
