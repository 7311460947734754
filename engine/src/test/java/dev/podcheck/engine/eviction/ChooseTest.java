package dev.podcheck.engine.eviction;

import static dev.podcheck.engine.eviction.TestPods.single;
import static dev.podcheck.engine.eviction.TestPods.using;
import static dev.podcheck.engine.eviction.TestPods.withAnnotation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SEMANTICS E-4, E-8: one pod per loop, the first in rank order that evictPod accepts. */
class ChooseTest {

    private final PodMemoryUse greedy = using(single("greedy", -10, "", ""), "900Mi");
    private final PodMemoryUse modest = using(single("modest", 0, "100Mi", ""), "150Mi");

    @Test
    void should_choose_the_first_ranked_pod() {
        assertThat(EvictionRanking.choose(List.of(modest, greedy))).map(PodMemoryUse::pod).contains("greedy");
    }

    @Test
    void should_choose_nothing_from_no_pods() {
        assertThat(EvictionRanking.choose(List.of())).isEmpty();
    }

    @Test
    void should_skip_a_critical_pod_that_ranks_first() {
        Pod staticPod = withAnnotation(single("static", -10, "", ""), CriticalPod.CONFIG_SOURCE_ANNOTATION, "file");
        PodMemoryUse critical = using(staticPod, "2Gi");

        assertThat(EvictionRanking.rankForMemory(List.of(modest, critical)).get(0).pod()).isEqualTo("static");
        assertThat(EvictionRanking.choose(List.of(modest, critical))).map(PodMemoryUse::pod).contains("modest");
    }

    @Test
    void should_choose_nothing_when_every_pod_is_critical() {
        PodMemoryUse mirror = using(withAnnotation(single("mirror", 0, "", ""),
                CriticalPod.CONFIG_MIRROR_ANNOTATION, ""), "500Mi");
        PodMemoryUse system = using(single("system", CriticalPod.SYSTEM_CRITICAL_PRIORITY, "", ""), "900Mi");

        assertThat(EvictionRanking.choose(List.of(mirror, system))).isEmpty();
    }

    /** pkg/kubelet/types/pod_update.go IsCriticalPod, IsStaticPod, IsMirrorPod. */
    @Nested
    class Critical_pods {
        @ParameterizedTest(name = "priority {0} critical={1}")
        @CsvSource({"2000000000, true", "2000001000, true", "1999999999, false", "0, false", "-5, false"})
        void should_be_critical_from_system_critical_priority_up(int priority, boolean critical) {
            assertThat(CriticalPod.isCritical(single("p", priority, "", ""))).isEqualTo(critical);
        }

        @Test
        void should_not_be_critical_without_a_priority() {
            assertThat(CriticalPod.isCritical(TestPods.pod("p", null, TestPods.container("p", "", "")))).isFalse();
        }

        @ParameterizedTest(name = "config.source={0} critical={1}")
        @CsvSource({"file, true", "http, true", "api, false"})
        void should_be_critical_when_static(String source, boolean critical) {
            Pod pod = withAnnotation(single("p", 0, "", ""), CriticalPod.CONFIG_SOURCE_ANNOTATION, source);

            assertThat(CriticalPod.isCritical(pod)).isEqualTo(critical);
        }

        @Test
        void should_be_critical_when_mirror_whatever_the_annotation_value() {
            Pod pod = withAnnotation(single("p", 0, "", ""), CriticalPod.CONFIG_MIRROR_ANNOTATION, "");

            assertThat(CriticalPod.isCritical(pod)).isTrue();
        }
    }
}
