package dev.podcheck.spec.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTest {

    @Test
    void should_pass_when_every_trial_holds() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(Gen.integers(0, 9)).trials(50).seed(1).check(seen::add);
        assertThat(seen).hasSize(50);
    }

    @Test
    void should_report_seed_trial_shrunk_value_and_replay_instruction() {
        // A replay with -Dpodcheck.seed=<n> overrides the seed in code, here too.
        String seed = System.getProperty(Property.SEED_PROPERTY, "1234").trim();
        assertThatThrownBy(() -> Property.forAll(Gen.integers(0, 1000)).seed(1234).trials(100)
                .renderedWith(i -> "<" + i + ">")
                .check(i -> assertThat(i).isLessThan(37)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed " + seed + ",")
                .hasMessageContaining("trial ")
                .hasMessageContaining("<37>")
                .hasMessageContaining("Expecting actual:\n  37")
                .hasMessageContaining("-Dpodcheck.seed=" + seed);
    }

    @Test
    void should_fail_on_false_from_a_predicate() {
        assertThatThrownBy(() -> Property.forAll(Gen.booleans()).seed(3).checkThat(b -> !b))
                .hasMessageContaining("Shrunk counterexample:\ntrue");
    }

    @Test
    void should_let_the_seed_property_override_the_seed_in_code() {
        String before = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, "77");
        try {
            Counterexample<Integer> c = Property.forAll(Gen.integers(0, 9)).seed(1)
                    .findCounterexample(i -> assertThat(i).isNegative()).orElseThrow();
            assertThat(c.seed()).isEqualTo(77);
        } finally {
            if (before == null) {
                System.clearProperty(Property.SEED_PROPERTY);
            } else {
                System.setProperty(Property.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void should_generate_the_same_values_for_the_same_seed() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        Property.forAll(Gen.integers(0, 1_000_000)).seed(99).trials(20).check(first::add);
        Property.forAll(Gen.integers(0, 1_000_000)).seed(99).trials(20).check(second::add);
        assertThat(first).isEqualTo(second);
    }
}
