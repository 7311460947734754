package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.app;
import static dev.podcheck.spec.admission.Fixtures.messagesOf;
import static dev.podcheck.spec.admission.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.LifecycleHandler;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Container fields and kinds: V-5..V-7, V-14..V-16. */
class ContainerValidationTest {

    private static final String LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
            + "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    @Nested
    class Names {
        @Test
        void should_require_a_container_name() {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withName(null))))
                    .containsExactly("spec.containers[0].name: Required value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"App", "-app", "app-", "my_app", "app!"})
        void should_refuse_a_name_that_is_not_a_dns1123_label(String name) {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withName(name))))
                    .containsExactly("spec.containers[0].name: Invalid value: \"" + name + "\": " + LABEL_MESSAGE);
        }

        @Test
        void should_say_dots_are_the_problem_for_a_subdomain_name() {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withName("my.app"))))
                    .containsExactly("spec.containers[0].name: Invalid value: \"my.app\": must not contain dots");
        }

        @Test
        void should_refuse_a_name_longer_than_63_characters() {
            String name = "a".repeat(64);
            assertThat(messagesOf(Fixtures.withApp(c -> c.withName(name)))).containsExactly(
                    "spec.containers[0].name: Invalid value: \"" + name + "\": must be no more than 63 characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "0", "123-abc", "my-name"})
        void should_accept_dns1123_labels(String name) {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withName(name)))).isEmpty();
        }

        @Test
        void should_accept_a_63_character_name() {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withName("a".repeat(63))))).isEmpty();
        }

        @Test
        void should_refuse_duplicate_regular_container_names_on_the_later_one() {
            Pod pod = Defaulting.apply(pod(List.of(), List.of(app(), app(), app())));
            assertThat(messagesOf(pod)).containsExactly(
                    "spec.containers[1].name: Duplicate value: \"app\"",
                    "spec.containers[2].name: Duplicate value: \"app\"");
        }

        @Test
        void should_refuse_an_init_container_named_like_a_regular_container_on_the_init_container() {
            Pod pod = Defaulting.apply(pod(List.of(Container.of("app", "busybox")), List.of(app())));
            assertThat(messagesOf(pod)).containsExactly("spec.initContainers[0].name: Duplicate value: \"app\"");
        }

        @Test
        void should_refuse_duplicate_init_container_names() {
            Pod pod = Defaulting.apply(pod(List.of(Container.of("init", "busybox"), Fixtures.sidecar("init")),
                    List.of(app())));
            assertThat(messagesOf(pod)).containsExactly("spec.initContainers[1].name: Duplicate value: \"init\"");
        }
    }

    @Nested
    class Images {
        @Test
        void should_require_an_image() {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withImage(""))))
                    .containsExactly("spec.containers[0].image: Required value");
            assertThat(messagesOf(Fixtures.withInit(c -> c.withImage(null))))
                    .containsExactly("spec.initContainers[0].image: Required value");
        }

        @ParameterizedTest
        @ValueSource(strings = {" nginx", "nginx ", "\tnginx"})
        void should_refuse_leading_or_trailing_whitespace(String image) {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withImage(image)))).containsExactly(
                    "spec.containers[0].image: Invalid value: \"" + image.replace("\t", "\\t")
                            + "\": must not have leading or trailing whitespace"); // %q writes a tab as \t
        }
    }

    @Nested
    class EnumeratedFields {
        @Test
        void should_refuse_an_unsupported_imagePullPolicy() {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withDefaultedFields("Sometimes", null, null))))
                    .containsExactly("spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": "
                            + "supported values: \"Always\", \"IfNotPresent\", \"Never\"");
        }

        @Test
        void should_refuse_an_unsupported_terminationMessagePolicy() {
            assertThat(messagesOf(Fixtures.withInit(c -> c.withDefaultedFields(null, null, "Logs"))))
                    .containsExactly("spec.initContainers[0].terminationMessagePolicy: Unsupported value: \"Logs\": "
                            + "supported values: \"File\", \"FallbackToLogsOnError\"");
        }

        @Test
        void should_require_both_when_not_defaulted() {
            Pod pod = Fixtures.valid();
            Pod raw = pod.withSpec(pod.spec().withContainers(List.of(app())));
            assertThat(messagesOf(raw)).containsExactly(
                    "spec.containers[0].imagePullPolicy: Required value",
                    "spec.containers[0].terminationMessagePolicy: Required value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Always", "IfNotPresent", "Never"})
        void should_accept_each_pull_policy(String policy) {
            assertThat(messagesOf(Fixtures.withApp(c -> c.withDefaultedFields(policy, null, null)))).isEmpty();
        }
    }

    @Nested
    class RegularInitContainers {
        @ParameterizedTest
        @EnumSource(ProbeKind.class)
        void should_forbid_probes_on_a_regular_init_container(ProbeKind kind) {
            assertThat(messagesOf(Fixtures.withInit(c -> c.withProbe(kind, Fixtures.execProbe())))).containsExactly(
                    "spec.initContainers[0]." + kind.fieldName()
                            + ": Forbidden: may not be set for init containers without restartPolicy=Always");
        }

        @Test
        void should_forbid_lifecycle_on_a_regular_init_container() {
            assertThat(messagesOf(Fixtures.withInit(c -> c.withLifecycle(
                    new Lifecycle(null, LifecycleHandler.sleep(5)))))).containsExactly(
                    "spec.initContainers[0].lifecycle: Forbidden: "
                            + "may not be set for init containers without restartPolicy=Always");
        }

        @Test
        void should_not_validate_the_contents_of_a_forbidden_probe() {
            // Forbidden is the whole answer: the apiserver does not look inside.
            assertThat(messagesOf(Fixtures.withInit(c -> c.withProbe(ProbeKind.liveness, Fixtures.noHandlerProbe()))))
                    .hasSize(1);
        }
    }

    @Nested
    class Sidecars {
        @Test
        void should_allow_probes_and_hooks_on_a_sidecar() {
            Container sidecar = Fixtures.sidecar("proxy")
                    .withProbe(ProbeKind.startup, Fixtures.execProbe())
                    .withProbe(ProbeKind.liveness, Fixtures.execProbe())
                    .withProbe(ProbeKind.readiness, Fixtures.execProbe())
                    .withLifecycle(new Lifecycle(LifecycleHandler.exec(List.of("true")), LifecycleHandler.sleep(5)));
            assertThat(messagesOf(Defaulting.apply(pod(List.of(sidecar), List.of(app()))))).isEmpty();
        }

        @Test
        void should_validate_sidecar_probes_as_for_regular_containers() {
            Container sidecar = Fixtures.sidecar("proxy")
                    .withProbe(ProbeKind.liveness, Fixtures.execProbe().withTiming(null, null, null, 2, null));
            assertThat(messagesOf(Defaulting.apply(pod(List.of(sidecar), List.of(app()))))).containsExactly(
                    "spec.initContainers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1");
        }
    }

    /**
     * ContainerRestartRules is alpha and off in 1.34: a create drops these fields before validation
     * (dropContainerRestartRules). kube-apiserver v1.34.4 accepted OnFailure on a regular container in a dry-run create.
     */
    @Nested
    class ContainerRestartPolicy {
        @ParameterizedTest
        @ValueSource(strings = {"Never", "OnFailure", "always", ""})
        void should_drop_any_but_Always_on_init_containers(String policy) {
            Pod pod = Fixtures.withInit(c -> c.withRestartPolicy(policy));
            assertThat(messagesOf(pod)).isEmpty();
            assertThat(pod.spec().initContainers().get(0).restartPolicy()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Always", "Never", ""})
        void should_drop_restartPolicy_of_regular_containers(String policy) {
            Pod pod = Fixtures.withApp(c -> c.withRestartPolicy(policy));
            assertThat(messagesOf(pod)).isEmpty();
            assertThat(pod.spec().containers().get(0).restartPolicy()).isNull();
        }

        @Test
        void should_still_forbid_restartPolicy_on_a_regular_container_of_an_undefaulted_pod() {
            // validation.go keeps the rule for a pod that skipped the drop; podcheck validates what it is given
            Pod defaulted = Fixtures.withApp(c -> c);
            Pod pod = defaulted.withSpec(defaulted.spec().withContainers(
                    List.of(defaulted.spec().containers().get(0).withRestartPolicy("Never"))));
            assertThat(messagesOf(pod)).containsExactly(
                    "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers");
        }
    }
}
