package dev.podcheck.spec.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.ProbeKind;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContainerBehaviourTest {

    @Nested
    class Instances {
        @Test
        void should_fail_the_first_two_runs_then_succeed() {
            // GIVEN an entry for two failing instances followed by a succeeding one
            InstanceBehaviour failing = InstanceBehaviour.DEFAULT.withTimes(2).withExit(Exit.after(Duration.ofSeconds(1), 1));
            InstanceBehaviour succeeding = InstanceBehaviour.DEFAULT.withExit(Exit.after(Duration.ofSeconds(5), 0));
            ContainerBehaviour behaviour = ContainerBehaviour.of(failing, succeeding);

            // THEN restartCount 0 and 1 fail, 2 and every later instance succeed
            assertThat(behaviour.forInstance(0).exit().code()).isEqualTo(1);
            assertThat(behaviour.forInstance(1).exit().code()).isEqualTo(1);
            assertThat(behaviour.forInstance(2).exit().code()).isZero();
            assertThat(behaviour.forInstance(57).exit().code()).isZero();
        }

        @Test
        void should_run_forever_healthy_and_die_from_sigterm_by_default() {
            InstanceBehaviour instance = ContainerBehaviour.DEFAULT.forInstance(3);

            assertThat(instance.exit()).isNull();
            for (ProbeKind kind : ProbeKind.values()) {
                assertThat(instance.health(kind).passesAt(Duration.ofHours(5))).isTrue();
            }
            assertThat(instance.onSigterm()).isEqualTo(SigtermResponse.exitAfter(Duration.ZERO, 143));
        }

        @Test
        void should_refuse_an_empty_instance_list_and_zero_times() {
            assertThatThrownBy(() -> new ContainerBehaviour(java.util.List.of()))
                    .hasMessage("a behaviour needs at least one instance entry");
            assertThatThrownBy(() -> InstanceBehaviour.DEFAULT.withTimes(0))
                    .hasMessage("times must be at least 1, got 0");
        }
    }

    @Nested
    class HealthWindows {
        @Test
        void should_pass_inside_half_open_windows_only() {
            Health health = new Health(java.util.List.of(
                    new Health.Window(Duration.ofSeconds(10), Duration.ofSeconds(20)),
                    new Health.Window(Duration.ofSeconds(30), null)));

            assertThat(health.passesAt(Duration.ofMillis(9_999))).isFalse();
            assertThat(health.passesAt(Duration.ofSeconds(10))).isTrue();
            assertThat(health.passesAt(Duration.ofSeconds(20))).isFalse();
            assertThat(health.passesAt(Duration.ofSeconds(30))).isTrue();
            assertThat(Health.NEVER.passesAt(Duration.ZERO)).isFalse();
        }

        @Test
        void should_refuse_a_window_that_ends_before_it_begins() {
            assertThatThrownBy(() -> new Health.Window(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                    .hasMessage("until (1s) must not be before from (5s)");
        }
    }

    @Nested
    class Memory {
        @Test
        void should_use_the_latest_step_that_has_begun() {
            InstanceBehaviour instance = new InstanceBehaviour(1, null, null, null, null, null, null,
                    java.util.List.of(
                            new MemoryUse(Duration.ofSeconds(5), dev.podcheck.spec.pod.Quantity.parse("64Mi")),
                            new MemoryUse(Duration.ofSeconds(60), dev.podcheck.spec.pod.Quantity.parse("1Gi"))),
                    null, null);

            assertThat(instance.memoryBytesAt(Duration.ofSeconds(4))).isZero();
            assertThat(instance.memoryBytesAt(Duration.ofSeconds(5))).isEqualTo(64L << 20);
            assertThat(instance.memoryBytesAt(Duration.ofMinutes(2))).isEqualTo(1L << 30);
        }
    }
}
