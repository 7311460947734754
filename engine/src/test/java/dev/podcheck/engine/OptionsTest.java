package dev.podcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.engine.kubelet.RestartTestScenarios;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void should_model_only_the_releases_whose_rules_it_implements() {
        assertThat(Profile.of("1.35").version()).isEqualTo("1.35");
        assertThatThrownBy(() -> Profile.of("1.31"))
                .hasMessage("Kubernetes 1.31 is not modelled; podcheck models 1.33 to 1.37");
        assertThatThrownBy(() -> Profile.of("latest")).hasMessage("expected a Kubernetes version like 1.34, got \"latest\"");
    }

    @Test
    void should_take_the_back_off_constants_from_the_profile() {
        // GIVEN the ReduceDefaultCrashLoopBackOffDecay values: 1 s first, 60 s cap (SEMANTICS R-5)
        Profile reduced = new Profile(34, Duration.ofSeconds(1), Duration.ofSeconds(60));
        EngineOptions options = new EngineOptions(Duration.ofSeconds(40), Timing.DEFAULT, reduced);

        Simulations sim = Simulations.run(RestartTestScenarios.crashing("Always", 1), options);

        // the first restart is at once; after that each SyncPod that finds the container in back-off fails and the
        // pod worker retries it 10 s later (backOffPeriod), so a back-off shorter than that waits for the retry
        assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 1_000L, 12_000L, 23_000L, 34_000L);
    }

    @Test
    void should_notice_exits_at_the_relist_period_of_the_timing() {
        Timing slowRelist = new Timing(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(10), Duration.ZERO);
        EngineOptions options = new EngineOptions(Duration.ofSeconds(12), slowRelist, Profile.DEFAULT);

        Simulations sim = Simulations.run(RestartTestScenarios.crashing("Always", 1), options);

        // exits at 1 s are seen at the 5 s relist; the next at 6 s is seen at 10 s, in back-off until 16 s
        assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 5_000L);
    }
}
