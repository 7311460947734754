package dev.podcheck.spec.generate;

import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;

/**
 * Invalid scenarios with a known expected violation: a valid scenario from {@link ScenarioGen}
 * with one {@link Mutation} from the catalogue applied. Shrinking moves toward a small pod and
 * toward earlier mutations.
 *
 * <p>Stability: experimental.
 */
public final class InvalidPodGen {
    private InvalidPodGen() {}

    public static Gen<InvalidCase> invalidCases() {
        return invalidCases(Size.DEFAULT);
    }

    public static Gen<InvalidCase> invalidCases(Size size) {
        Gen<Mutation> mutations = Gen.elements(List.of(Mutation.values()));
        Gen<Scenario> scenarios = ScenarioGen.scenarios(size);
        return c -> {
            Scenario valid = scenarios.generate(c);
            return mutations.generate(c).apply(valid, c);
        };
    }

    /** Only this mistake, on scenarios of the given size. */
    public static Gen<InvalidCase> invalidCases(Size size, Mutation mutation) {
        Gen<Scenario> scenarios = ScenarioGen.scenarios(size);
        return c -> mutation.apply(scenarios.generate(c), c);
    }
}
