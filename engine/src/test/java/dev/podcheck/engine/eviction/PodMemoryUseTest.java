package dev.podcheck.engine.eviction;

import static dev.podcheck.engine.eviction.TestPods.container;
import static dev.podcheck.engine.eviction.TestPods.mi;
import static dev.podcheck.engine.eviction.TestPods.pod;
import static dev.podcheck.engine.eviction.TestPods.sidecar;
import static dev.podcheck.engine.eviction.TestPods.using;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the comparators read about a pod: GetResourceRequestQuantity, PodPriority, the stats. */
class PodMemoryUseTest {

    @Nested
    class Pod_request_as_PodRequests {
        @Test
        void should_add_up_regular_containers() {
            Pod pod = pod("p", 0, container("a", "100Mi", ""), container("b", "50Mi", ""), container("c", "", ""));

            assertThat(PodMemoryUse.withoutStats(pod).request()).isEqualTo(Quantity.parse("150Mi"));
        }

        @Test
        void should_take_the_largest_init_container_when_it_exceeds_the_running_sum() {
            Pod pod = pod("p", 0, List.of(container("init", "300Mi", "")), List.of(container("app", "100Mi", "")));

            assertThat(PodMemoryUse.withoutStats(pod).request()).isEqualTo(Quantity.parse("300Mi"));
        }

        @Test
        void should_add_sidecars_to_the_running_sum_and_to_later_init_containers() {
            // running: app 100Mi + sidecar 50Mi = 150Mi; init after the sidecar needs 120 + 50 = 170Mi.
            Pod pod = pod("p", 0,
                    List.of(sidecar("proxy", "50Mi"), container("migrate", "120Mi", "")),
                    List.of(container("app", "100Mi", "")));

            assertThat(PodMemoryUse.withoutStats(pod).request()).isEqualTo(Quantity.parse("170Mi"));
        }

        @Test
        void should_not_add_a_sidecar_started_after_an_init_container_to_it() {
            // migrate runs before proxy starts: needs 120Mi; running sum 100 + 50 = 150Mi wins.
            Pod pod = pod("p", 0,
                    List.of(container("migrate", "120Mi", ""), sidecar("proxy", "50Mi")),
                    List.of(container("app", "100Mi", "")));

            assertThat(PodMemoryUse.withoutStats(pod).request()).isEqualTo(Quantity.parse("150Mi"));
        }
    }

    @Nested
    class From_stats {
        private final Pod pod = pod("p", null,
                List.of(sidecar("proxy", "10Mi")), List.of(container("app", "100Mi", ""), container("log", "", "")));

        @Test
        void should_read_an_unset_priority_as_zero() {
            assertThat(PodMemoryUse.withoutStats(pod).priority()).isZero();
        }

        @Test
        void should_keep_the_summary_order_and_the_spec_requests() {
            PodMemoryUse use = using(pod, "log", "5Mi", "proxy", "20Mi", "app", "120Mi");

            assertThat(use.containers()).containsExactly(
                    new ContainerMemoryUse("log", mi(5), Quantity.ZERO),
                    new ContainerMemoryUse("proxy", mi(20), Quantity.parse("10Mi")),
                    new ContainerMemoryUse("app", mi(120), Quantity.parse("100Mi")));
            assertThat(use.workingSetBytes()).hasValue(mi(145));
        }

        @Test
        void should_count_containers_outside_the_spec_but_not_list_them() {
            PodMemoryUse use = using(pod, "app", "100Mi", "debugger", "30Mi");

            assertThat(use.containers()).extracting(ContainerMemoryUse::container).containsExactly("app");
            assertThat(use.workingSetBytes()).hasValue(mi(130));
            assertThat(use.exceedsRequest()).isTrue();
        }

        @Test
        void should_neither_exceed_nor_have_an_excess_without_stats() {
            PodMemoryUse use = PodMemoryUse.withoutStats(pod);

            assertThat(use.hasStats()).isFalse();
            assertThat(use.exceedsRequest()).isFalse();
            assertThat(use.usageAboveRequest()).isEmpty();
        }

        @Test
        void should_have_a_negative_excess_below_request() {
            PodMemoryUse use = using(pod, "app", "60Mi");

            assertThat(use.usageAboveRequest()).contains(Quantity.parse("-50Mi"));
        }
    }
}
