package dev.podcheck.spec.qos;

import static dev.podcheck.spec.qos.Pods.container;
import static dev.podcheck.spec.qos.Pods.pod;
import static dev.podcheck.spec.qos.Pods.sidecar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.pod.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SEMANTICS Q-1..Q-3: pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS, container path. */
class PodQOSTest {

    /** One row of a QoS table; the name is what JUnit shows. */
    record Case(String name, Pod pod, QOSClass expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case row(String name, QOSClass expected, Pod pod) {
        return new Case(name, pod, expected);
    }

    @Nested
    class Regular_containers_as_in_qos_test_go {
        static Stream<Case> cases() {
            return Stream.of(
                    row("guaranteed", QOSClass.Guaranteed,
                            pod(container("a", "cpu=100m,memory=100Mi", "cpu=100m,memory=100Mi"))),
                    row("guaranteed-guaranteed", QOSClass.Guaranteed, pod(
                            container("a", "cpu=100m,memory=100Mi", "cpu=100m,memory=100Mi"),
                            container("b", "cpu=2,memory=1Gi", "cpu=2,memory=1Gi"))),
                    row("best-effort", QOSClass.BestEffort, pod(container("a", "", ""))),
                    row("best-effort-best-effort", QOSClass.BestEffort,
                            pod(container("a", "", ""), container("b", "", ""))),
                    row("best-effort-burstable", QOSClass.Burstable,
                            pod(container("a", "", ""), container("b", "cpu=1", "cpu=2"))),
                    row("best-effort-guaranteed", QOSClass.Burstable, pod(
                            container("a", "", ""),
                            container("b", "cpu=10m,memory=100Mi", "cpu=10m,memory=100Mi"))),
                    row("burstable-cpu-guaranteed-memory", QOSClass.Burstable,
                            pod(container("a", "memory=100Mi", "memory=100Mi"))),
                    row("burstable-no-limits", QOSClass.Burstable,
                            pod(container("a", "cpu=100m,memory=100Mi", ""))),
                    row("burstable-guaranteed", QOSClass.Burstable, pod(
                            container("a", "cpu=1,memory=100Mi", "cpu=2,memory=100Mi"),
                            container("b", "cpu=100m,memory=100Mi", "cpu=100m,memory=100Mi"))),
                    row("burstable-unbounded-but-requests-match-limits", QOSClass.Burstable, pod(
                            container("a", "cpu=100m,memory=100Mi", "cpu=200m,memory=200Mi"),
                            container("b", "cpu=100m,memory=100Mi", ""))),
                    row("burstable-1", QOSClass.Burstable,
                            pod(container("a", "cpu=10m,memory=100Mi", "cpu=100m,memory=200Mi"))),
                    row("burstable-2: explicit zero requests are kept, so requests != limits", QOSClass.Burstable,
                            pod(container("a", "cpu=0,memory=0", "cpu=100m,memory=200Mi"))),
                    row("best-effort-hugepages", QOSClass.BestEffort, pod(container("a",
                            "cpu=0,memory=0,hugepages-2Mi=1Gi", "cpu=0,memory=0,hugepages-2Mi=1Gi"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void should_classify_like_kubernetes(Case c) {
            assertThat(PodQOS.compute(c.pod())).isEqualTo(c.expected());
        }
    }

    @Nested
    class Init_containers_and_sidecars_count {
        static Stream<Case> cases() {
            Pod guaranteedMain = pod(List.of(), List.of(container("main", "cpu=1,memory=1Gi", "cpu=1,memory=1Gi")));
            return Stream.of(
                    row("burstable init, best-effort main (qos_test.go init-container)", QOSClass.Burstable, pod(
                            List.of(container("init", "cpu=10m,memory=100Mi", "cpu=100m,memory=200Mi")),
                            List.of(container("main", "", "")))),
                    row("best-effort init makes a guaranteed main burstable", QOSClass.Burstable,
                            withInit(guaranteedMain, container("init", "", ""))),
                    row("guaranteed init and guaranteed main", QOSClass.Guaranteed,
                            withInit(guaranteedMain, container("init", "cpu=500m,memory=64Mi", "cpu=500m,memory=64Mi"))),
                    row("guaranteed sidecar and guaranteed main", QOSClass.Guaranteed,
                            withInit(guaranteedMain, sidecar("proxy", "cpu=100m,memory=64Mi", "cpu=100m,memory=64Mi"))),
                    row("sidecar without resources makes a guaranteed main burstable", QOSClass.Burstable,
                            withInit(guaranteedMain, sidecar("proxy", "", ""))),
                    row("burstable sidecar, best-effort main", QOSClass.Burstable, pod(
                            List.of(sidecar("proxy", "memory=64Mi", "")), List.of(container("main", "", "")))));
        }

        private static Pod withInit(Pod pod, dev.podcheck.spec.pod.Container init) {
            return pod.withSpec(pod.spec().withInitContainers(List.of(init)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void should_count_every_init_container(Case c) {
            assertThat(PodQOS.compute(c.pod())).isEqualTo(c.expected());
        }
    }

    @Nested
    class Only_positive_cpu_and_memory_count {
        static Stream<Case> cases() {
            String both = "cpu=1,memory=1Gi";
            return Stream.of(
                    row("only cpu, requests == limits", QOSClass.Burstable, pod(container("a", "cpu=1", "cpu=1"))),
                    row("only memory, requests == limits", QOSClass.Burstable,
                            pod(container("a", "memory=1Gi", "memory=1Gi"))),
                    row("ephemeral-storage request without a limit is ignored", QOSClass.Guaranteed,
                            pod(container("a", both + ",ephemeral-storage=1Gi", both))),
                    row("ephemeral-storage alone is best effort", QOSClass.BestEffort,
                            pod(container("a", "ephemeral-storage=1Gi", "ephemeral-storage=2Gi"))),
                    row("extended resource with requests != limits is ignored", QOSClass.Guaranteed,
                            pod(container("a", both, both + ",example.com/gpu=1"))),
                    row("extended resource alone is best effort", QOSClass.BestEffort,
                            pod(container("a", "example.com/gpu=1", "example.com/gpu=1"))),
                    row("zero requests and limits are best effort", QOSClass.BestEffort,
                            pod(container("a", "cpu=0,memory=0", "cpu=0,memory=0"))),
                    row("a zero cpu limit is no cpu limit", QOSClass.Burstable,
                            pod(container("a", "cpu=0,memory=1Gi", "cpu=0,memory=1Gi"))),
                    row("equal by value across formats", QOSClass.Guaranteed,
                            pod(container("a", "cpu=1,memory=1Gi", "cpu=1000m,memory=1073741824"))),
                    row("1G is not 1Gi", QOSClass.Burstable,
                            pod(container("a", "cpu=1,memory=1G", "cpu=1,memory=1Gi"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void should_ignore_other_resources_and_non_positive_quantities(Case c) {
            assertThat(PodQOS.compute(c.pod())).isEqualTo(c.expected());
        }
    }

    @Nested
    class Documentation_examples {
        // kubernetes.io/docs/tasks/configure-pod-container/quality-service-pod (qos-example pods).
        @Test
        void should_be_guaranteed_when_only_limits_are_given_and_requests_default_to_them() {
            Pod pod = pod(container("qos-demo-ctr", "", "cpu=700m,memory=200Mi"));

            assertThat(PodQOS.compute(Defaulting.apply(pod))).isEqualTo(QOSClass.Guaranteed);
        }

        @Test
        void should_be_burstable_when_one_container_requests_memory_and_the_other_nothing() {
            Pod pod = pod(container("qos-demo-4-ctr-1", "memory=200Mi", "memory=200Mi"),
                    container("qos-demo-4-ctr-2", "", ""));

            assertThat(PodQOS.compute(pod)).isEqualTo(QOSClass.Burstable);
        }

        @Test
        void should_be_burstable_when_memory_request_is_below_its_limit() {
            assertThat(PodQOS.compute(pod(container("qos-demo-2-ctr", "memory=100Mi", "memory=200Mi"))))
                    .isEqualTo(QOSClass.Burstable);
        }

        @Test
        void should_be_best_effort_for_an_empty_pod() {
            assertThat(PodQOS.compute(pod())).isEqualTo(QOSClass.BestEffort);
        }
    }
}
