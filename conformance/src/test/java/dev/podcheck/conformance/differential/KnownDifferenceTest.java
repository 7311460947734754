package dev.podcheck.conformance.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A known difference explains one fact, narrowed by container kind and scenario features, and nothing else. */
class KnownDifferenceTest {
    static final Difference INIT_RUN = new Difference(Fact.RUN_TIME, "init", "init", "container init ran for",
            "1000 ms", "9000 ms", "1000..2000 ms");

    @Nested
    class Explains {
        @Test
        void should_explain_its_fact_anywhere_when_not_narrowed() {
            KnownDifference known = new KnownDifference(Fact.RUN_TIME, null, List.of(), "why");

            assertThat(known.explains(INIT_RUN, Set.of())).isTrue();
        }

        @Test
        void should_not_explain_another_fact() {
            KnownDifference known = new KnownDifference(Fact.RESTART_COUNT, null, List.of(), "why");

            assertThat(known.explains(INIT_RUN, Set.of())).isFalse();
        }

        @Test
        void should_explain_only_its_container_kind() {
            assertThat(new KnownDifference(Fact.RUN_TIME, "init", List.of(), "why").explains(INIT_RUN, Set.of()))
                    .isTrue();
            assertThat(new KnownDifference(Fact.RUN_TIME, "regular", List.of(), "why").explains(INIT_RUN, Set.of()))
                    .isFalse();
        }

        @Test
        void should_explain_only_in_scenarios_with_all_its_features() {
            KnownDifference known = new KnownDifference(Fact.RUN_TIME, null,
                    List.of("init-containers", "restartPolicy=Always"), "why");

            assertThat(known.explains(INIT_RUN, Set.of("init-containers", "restartPolicy=Always", "deletion"))).isTrue();
            assertThat(known.explains(INIT_RUN, Set.of("init-containers", "restartPolicy=Never"))).isFalse();
        }
    }

    @Nested
    class Entries {
        @Test
        void should_label_itself_with_its_fact_and_narrowing() {
            assertThat(new KnownDifference(Fact.RUN_TIME, "init", List.of("restartPolicy=Always"), "why").label())
                    .isEqualTo("differs/run-time [init; restartPolicy=Always]");
            assertThat(new KnownDifference(Fact.REMOVAL, null, List.of(), "why").label()).isEqualTo("differs/removal");
        }

        @Test
        void should_refuse_a_kind_or_feature_that_does_not_exist() {
            assertThatThrownBy(() -> new KnownDifference(Fact.RUN_TIME, "app", List.of(), "why"))
                    .hasMessage("no container kind is called \"app\"; kinds: init, sidecar, regular");
            assertThatThrownBy(() -> new KnownDifference(Fact.RUN_TIME, null, List.of("probes"), "why"))
                    .hasMessageStartingWith("no scenario feature is called \"probes\"; features: init-containers, ");
        }

        @Test
        void should_refuse_an_entry_without_a_reason() {
            assertThatThrownBy(() -> new KnownDifference(Fact.RUN_TIME, null, List.of(), " "))
                    .hasMessage("a known difference names its fact and why");
        }
    }
}
