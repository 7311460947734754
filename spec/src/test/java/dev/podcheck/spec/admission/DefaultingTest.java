package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.app;
import static dev.podcheck.spec.admission.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultingTest {

    private static Container defaulted(Container c) {
        return Defaulting.apply(pod(List.of(), List.of(c))).spec().containers().get(0);
    }

    private static Container defaultedInit(Container c) {
        return Defaulting.apply(pod(List.of(c), List.of(app()))).spec().initContainers().get(0);
    }

    @Nested
    class PodSpecFields {
        @Test
        void should_default_restartPolicy_to_Always() {
            assertThat(Defaulting.apply(pod(List.of(), List.of(app()))).spec().restartPolicy()).isEqualTo("Always");
        }

        @Test
        void should_keep_a_set_restartPolicy_even_an_unsupported_one() {
            Pod pod = pod(List.of(), List.of(app()));
            assertThat(Defaulting.apply(pod.withSpec(pod.spec().withRestartPolicy("Sometimes"))).spec().restartPolicy())
                    .isEqualTo("Sometimes");
        }

        @Test
        void should_default_an_empty_restartPolicy_as_unset() {
            Pod pod = pod(List.of(), List.of(app()));
            assertThat(Defaulting.apply(pod.withSpec(pod.spec().withRestartPolicy(""))).spec().restartPolicy())
                    .isEqualTo("Always");
        }

        @Test
        void should_default_terminationGracePeriodSeconds_to_30() {
            assertThat(Defaulting.apply(pod(List.of(), List.of(app()))).spec().terminationGracePeriodSeconds())
                    .isEqualTo(30L);
        }

        @Test
        void should_keep_a_set_terminationGracePeriodSeconds_of_0() {
            Pod pod = pod(List.of(), List.of(app()));
            assertThat(Defaulting.apply(pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(0L)))
                    .spec().terminationGracePeriodSeconds()).isEqualTo(0L);
        }

        @Test
        void should_store_a_negative_terminationGracePeriodSeconds_as_1() {
            // GIVEN -5, WHEN admitted THEN 1: kube-apiserver v1.34.4 returned 1 for a dry-run create of -5
            // (Convert_v1_Pod_To_core_Pod), and no warning
            Pod pod = pod(List.of(), List.of(app()));
            assertThat(Defaulting.apply(pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(-5L)))
                    .spec().terminationGracePeriodSeconds()).isEqualTo(1L);
        }

        @Test
        void should_drop_restartPolicy_of_containers_and_of_init_containers_other_than_Always() {
            // GIVEN OnFailure on a regular and on an init container, Always on a sidecar WHEN admitted THEN only the
            // sidecar's is kept: kube-apiserver v1.34.4 accepted OnFailure on a regular container and stored none
            // (ContainerRestartRules is off by default in 1.34)
            Pod pod = pod(List.of(app().withName("init").withRestartPolicy("OnFailure"),
                    app().withName("side").withRestartPolicy("Always")), List.of(app().withRestartPolicy("OnFailure")));
            PodSpec spec = Defaulting.apply(pod).spec();
            assertThat(spec.initContainers()).extracting(Container::restartPolicy).containsExactly(null, "Always");
            assertThat(spec.containers()).extracting(Container::restartPolicy).containsOnlyNulls();
        }

        @Test
        void should_not_default_activeDeadlineSeconds() {
            assertThat(Defaulting.apply(pod(List.of(), List.of(app()))).spec().activeDeadlineSeconds()).isNull();
        }
    }

    @Nested
    class Probes {
        @ParameterizedTest
        @EnumSource(ProbeKind.class)
        void should_default_probe_timing_of_every_kind(ProbeKind kind) {
            Probe probe = defaulted(app().withProbe(kind, Fixtures.execProbe())).probe(kind);
            assertThat(List.of(probe.timeoutSeconds(), probe.periodSeconds(), probe.successThreshold(),
                    probe.failureThreshold())).containsExactly(1, 10, 1, 3);
        }

        @Test
        void should_default_probe_periodSeconds_to_10() {
            assertThat(defaulted(app().withProbe(ProbeKind.liveness, Fixtures.execProbe())).livenessProbe()
                    .periodSeconds()).isEqualTo(10);
        }

        @Test
        void should_treat_0_as_unset() {
            Probe zeros = Fixtures.execProbe().withTiming(0, 0, 0, 0, 0);
            Probe probe = defaulted(app().withProbe(ProbeKind.readiness, zeros)).readinessProbe();
            assertThat(List.of(probe.initialDelaySeconds(), probe.timeoutSeconds(), probe.periodSeconds(),
                    probe.successThreshold(), probe.failureThreshold())).containsExactly(0, 1, 10, 1, 3);
        }

        @Test
        void should_keep_set_values_including_negative_ones() {
            Probe set = Fixtures.execProbe().withTiming(4, 5, 6, -7, 8);
            Probe probe = defaulted(app().withProbe(ProbeKind.readiness, set)).readinessProbe();
            assertThat(List.of(probe.initialDelaySeconds(), probe.timeoutSeconds(), probe.periodSeconds(),
                    probe.successThreshold(), probe.failureThreshold())).containsExactly(4, 5, 6, -7, 8);
        }

        @Test
        void should_not_default_initialDelaySeconds_nor_the_probe_grace_period() {
            Probe probe = defaulted(app().withProbe(ProbeKind.liveness, Fixtures.execProbe())).livenessProbe();
            assertThat(probe.initialDelaySeconds()).isNull();
            assertThat(probe.terminationGracePeriodSeconds()).isNull();
        }

        @Test
        void should_default_probes_of_sidecars() {
            Container sidecar = Fixtures.sidecar("proxy").withProbe(ProbeKind.startup, Fixtures.execProbe());
            assertThat(defaultedInit(sidecar).startupProbe().failureThreshold()).isEqualTo(3);
        }
    }

    @Nested
    class HttpGet {
        @Test
        void should_default_probe_httpGet_path_and_scheme() {
            Probe probe = new Probe(null, new HTTPGetAction(null, IntOrString.of(80), null, null, Map.of()),
                    null, null, null, null, null, null, null, null, Map.of());
            HTTPGetAction http = defaulted(app().withProbe(ProbeKind.readiness, probe)).readinessProbe().httpGet();
            assertThat(http.path()).isEqualTo("/");
            assertThat(http.scheme()).isEqualTo("HTTP");
        }

        @Test
        void should_default_hook_httpGet_path_and_scheme() {
            LifecycleHandler hook = new LifecycleHandler(null,
                    new HTTPGetAction("", IntOrString.of(80), null, null, Map.of()), null, null);
            HTTPGetAction http = defaulted(app().withLifecycle(new Lifecycle(null, hook))).lifecycle().preStop().httpGet();
            assertThat(http.path()).isEqualTo("/");
            assertThat(http.scheme()).isEqualTo("HTTP");
        }

        @Test
        void should_keep_a_set_path_and_scheme() {
            LifecycleHandler hook = new LifecycleHandler(null,
                    new HTTPGetAction("/start", IntOrString.of(80), null, "HTTPS", Map.of()), null, null);
            HTTPGetAction http = defaulted(app().withLifecycle(new Lifecycle(hook, null))).lifecycle().postStart().httpGet();
            assertThat(http.path()).isEqualTo("/start");
            assertThat(http.scheme()).isEqualTo("HTTPS");
        }
    }

    @Nested
    class ImagePullPolicy {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "nginx, Always",
                "nginx:latest, Always",
                "nginx:1.27, IfNotPresent",
                "nginx:Latest, IfNotPresent",
                "library/nginx:latest, Always",
                "registry.k8s.io/pause:3.9, IfNotPresent",
                "localhost:5000/app, Always",
                "localhost:5000/app:latest, Always",
                "localhost:5000/app:v2, IfNotPresent",
                "my.registry:443/team/app, Always",
                "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, IfNotPresent",
                "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, Always",
                "nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, IfNotPresent",
                "Nginx, IfNotPresent",
        })
        void should_default_imagePullPolicy_from_the_tag(String image, String expected) {
            assertThat(defaulted(Container.of("app", image)).imagePullPolicy()).isEqualTo(expected);
        }

        @Test
        void should_default_an_empty_image_to_IfNotPresent_as_an_unparsable_reference() {
            assertThat(defaulted(Container.of("app", "")).imagePullPolicy()).isEqualTo("IfNotPresent");
            assertThat(defaulted(Container.of("app", null)).imagePullPolicy()).isEqualTo("IfNotPresent");
        }

        @Test
        void should_keep_a_set_imagePullPolicy() {
            Container c = Container.of("app", "nginx").withDefaultedFields("Never", null, null);
            assertThat(defaulted(c).imagePullPolicy()).isEqualTo("Never");
        }

        @Test
        void should_default_imagePullPolicy_of_init_containers() {
            assertThat(defaultedInit(Container.of("init", "busybox")).imagePullPolicy()).isEqualTo("Always");
        }
    }

    @Nested
    class TerminationMessage {
        @Test
        void should_default_terminationMessagePath_and_policy() {
            Container c = defaulted(app());
            assertThat(c.terminationMessagePath()).isEqualTo("/dev/termination-log");
            assertThat(c.terminationMessagePolicy()).isEqualTo("File");
        }

        @Test
        void should_keep_set_terminationMessage_fields() {
            Container c = defaulted(app().withDefaultedFields(null, "/tmp/msg", "FallbackToLogsOnError"));
            assertThat(c.terminationMessagePath()).isEqualTo("/tmp/msg");
            assertThat(c.terminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
        }
    }

    @Nested
    class RequestsFromLimits {
        private final Quantity cpu1 = Quantity.parse("1");
        private final Quantity mem = Quantity.parse("128Mi");

        @Test
        void should_copy_each_limit_without_a_request_into_requests() {
            Container c = defaulted(app().withResources(ResourceRequirements.of(
                    Map.of("cpu", Quantity.parse("250m")), Map.of("cpu", cpu1, "memory", mem))));
            assertThat(c.resources().requests())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("cpu", Quantity.parse("250m"), "memory", mem));
        }

        @Test
        void should_keep_an_explicit_zero_request() {
            Container c = defaulted(app().withResources(ResourceRequirements.of(
                    Map.of("cpu", Quantity.ZERO), Map.of("cpu", cpu1))));
            assertThat(c.resources().requests()).containsExactlyEntriesOf(Map.of("cpu", Quantity.ZERO));
        }

        @Test
        void should_copy_limits_of_init_containers_and_sidecars() {
            Container init = Container.of("init", "busybox:1.36")
                    .withResources(ResourceRequirements.of(Map.of(), Map.of("memory", mem)));
            Pod pod = Defaulting.apply(pod(List.of(init, Fixtures.sidecar("proxy").withResources(
                    ResourceRequirements.of(Map.of(), Map.of("cpu", cpu1)))), List.of(app())));
            assertThat(pod.spec().initContainers().get(0).resources().requests()).containsEntry("memory", mem);
            assertThat(pod.spec().initContainers().get(1).resources().requests()).containsEntry("cpu", cpu1);
        }

        @Test
        void should_leave_requests_alone_without_limits() {
            Container c = defaulted(app().withResources(ResourceRequirements.of(Map.of("cpu", cpu1), Map.of())));
            assertThat(c.resources().requests()).containsExactlyEntriesOf(Map.of("cpu", cpu1));
            assertThat(c.resources().limits()).isEmpty();
        }
    }

    @Test
    void should_be_idempotent_on_a_pod_with_everything_to_default() {
        Container full = app()
                .withProbe(ProbeKind.liveness, Fixtures.httpProbe(IntOrString.of(80)))
                .withLifecycle(new Lifecycle(null, new LifecycleHandler(null,
                        new HTTPGetAction(null, IntOrString.of(80), null, null, Map.of()), null, null)))
                .withResources(ResourceRequirements.of(Map.of(), Map.of("cpu", Quantity.parse("1"))));
        Pod once = Defaulting.apply(pod(List.of(Fixtures.sidecar("proxy")), List.of(full)));
        assertThat(Defaulting.apply(once)).isEqualTo(once);
    }
}
