package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.observe.Sighting.PodSnapshot;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** podman's events, as its log has them, read as the pod status of the trace (see {@link PodmanStatus}). */
class PodmanStatusTest {
    private static final String POD = "web-abcd1234-1";
    /** 2026-11-25T19:07:04Z. */
    private static final long SECOND = 1_795_633_624_000L;

    private final List<String> oomAsked = new ArrayList<>();

    private static Scenario scenario(String containers) {
        return Defaulting.apply(ScenarioReader.readOne("test", """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                %s
                """.formatted(containers.indent(2))));
    }

    private PodmanStatus status(String containers, boolean oomKilled) {
        return new PodmanStatus(scenario(containers), POD, name -> {
            oomAsked.add(name);
            return oomKilled;
        });
    }

    /** A line of podman's events log for container {@code container} of the pod, {@code millis} after {@link #SECOND}. */
    private static PodmanEvent event(String container, String status, int millis, String more) {
        String time = java.time.Instant.ofEpochMilli(SECOND + millis).toString();
        return PodmanEvent.parse("""
                {"ID":"0e5bf1a3b18a","Image":"localhost/podcheck-busybox:1.35.0","Name":"%s","Status":"%s","Time":"%s",\
                "Type":"container","PodID":"10a18d16e586"%s,"Attributes":{"podcheck.dev/run":"abcd1234"}}"""
                .formatted(POD + "-" + container, status, time, more));
    }

    private static PodmanEvent event(String container, String status, int millis) {
        return event(container, status, millis, "");
    }

    private static ContainerStatus only(PodSnapshot pod, String name) {
        List<ContainerStatus> all = new ArrayList<>(pod.initContainerStatuses());
        all.addAll(pod.containerStatuses());
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String INIT_AND_APP = """
            initContainers:
            - {name: init, image: busybox:1.36}
            containers:
            - {name: app, image: busybox:1.36}
            """;

    @Nested
    class Creation {
        @Test
        void should_show_the_pod_first_when_podman_has_created_every_container() {
            PodmanStatus status = status(INIT_AND_APP, false);

            boolean afterInit = status.apply(event("init", "create", 20));
            boolean afterApp = status.apply(event("app", "create", 40));

            assertThat(afterInit).isFalse();
            assertThat(afterApp).isTrue();
            assertThat(status.snapshot().initContainerStatuses())
                    .containsExactly(new ContainerStatus("init", ContainerState.waiting(""), null, 0, false, false));
            assertThat(status.snapshot().containerStatuses())
                    .containsExactly(new ContainerStatus("app", ContainerState.waiting(""), null, 0, false, false));
        }

        @Test
        void should_claim_no_phase_conditions_or_qos_class_podman_does_not_keep() {
            PodmanStatus status = status(INIT_AND_APP, false);
            status.apply(event("init", "create", 20));
            status.apply(event("app", "create", 40));

            PodSnapshot pod = status.snapshot();

            assertThat(pod.phase()).isNull();
            assertThat(pod.conditions()).isEmpty();
            assertThat(pod.qosClass()).isEmpty();
            assertThat(pod.deletionTimestampMillis()).isNull();
        }

        @Test
        void should_ignore_the_infra_container_other_pods_and_images() {
            PodmanStatus status = status(INIT_AND_APP, false);
            PodmanEvent infra = PodmanEvent.parse("""
                    {"ID":"8faa","Name":"10a18d16e586-infra","Status":"start","Time":"2026-11-25T19:07:04.48582513Z",\
                    "Type":"container","PodID":"10a18d16e586"}""");
            PodmanEvent otherPod = PodmanEvent.parse("""
                    {"Name":"web-abcd1234-12-app","Status":"start","Time":"2026-11-25T19:07:04.5Z","Type":"container"}""");
            PodmanEvent image = PodmanEvent.parse("""
                    {"Name":"localhost/podcheck-busybox:1.35.0","Status":"pull","Time":"2026-11-25T19:07:04.4Z","Type":"image"}""");

            assertThat(List.of(infra, otherPod, image)).noneMatch(status::concerns);
            assertThat(status.concerns(event("app", "start", 10))).isTrue();
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void should_show_a_start_as_running_since_its_second() {
            PodmanStatus status = status(INIT_AND_APP, false);

            assertThat(status.apply(event("init", "start", 583))).isTrue();

            ContainerStatus init = only(status.snapshot(), "init");
            assertThat(init.state()).isEqualTo(new ContainerState.Running(SECOND));
            assertThat(init.started()).isTrue();
            assertThat(init.ready()).isFalse();
            assertThat(status.started()).isTrue();
        }

        @Test
        void should_show_a_death_without_an_exit_code_as_completed_with_0() {
            PodmanStatus status = status(INIT_AND_APP, false);
            status.apply(event("init", "start", 583));

            status.apply(event("init", "died", 1641));

            ContainerStatus init = only(status.snapshot(), "init");
            assertThat(init.state()).isEqualTo(new ContainerState.Terminated(0, "Completed", "", SECOND, SECOND + 1000));
            assertThat(init.ready()).as("a regular init container is ready once it exited 0").isTrue();
            assertThat(init.started()).isFalse();
        }

        @Test
        void should_show_a_death_with_its_exit_code_as_an_error() {
            PodmanStatus status = status(INIT_AND_APP, false);
            status.apply(event("app", "start", 100));

            status.apply(event("app", "died", 2933, ",\"ContainerExitCode\":143"));

            assertThat(only(status.snapshot(), "app").state())
                    .isEqualTo(new ContainerState.Terminated(143, "Error", "", SECOND, SECOND + 2000));
            assertThat(oomAsked).as("only a 137 may be the kernel's").isEmpty();
        }

        @Test
        void should_count_a_restart_with_the_next_start_and_keep_the_instance_before() {
            PodmanStatus status = status(INIT_AND_APP, false);
            status.apply(event("app", "start", 100));
            status.apply(event("app", "died", 1100, ",\"ContainerExitCode\":1"));

            boolean atRestart = status.apply(event("app", "restart", 1110));
            ContainerStatus between = only(status.snapshot(), "app");
            status.apply(event("app", "init", 1200));
            status.apply(event("app", "start", 1250));

            assertThat(atRestart).isFalse();
            assertThat(between.restartCount()).isZero();
            assertThat(only(status.snapshot(), "app")).isEqualTo(new ContainerStatus("app",
                    new ContainerState.Running(SECOND + 1000),
                    new ContainerState.Terminated(1, "Error", "", SECOND, SECOND + 1000), 1, true, true));
        }

        @Test
        void should_keep_an_init_container_podman_removed_as_it_last_was() {
            PodmanStatus status = status(INIT_AND_APP, false);
            status.apply(event("init", "start", 583));
            status.apply(event("init", "died", 1641));
            ContainerStatus before = only(status.snapshot(), "init");

            boolean changed = status.apply(event("init", "remove", 1849));

            assertThat(changed).isFalse();
            assertThat(only(status.snapshot(), "init")).isEqualTo(before);
        }

        @Test
        void should_name_an_oom_kill_when_podman_says_the_kernel_killed_it() {
            PodmanStatus status = status(INIT_AND_APP, true);
            status.apply(event("app", "start", 100));

            status.apply(event("app", "died", 3100, ",\"ContainerExitCode\":137"));

            assertThat(only(status.snapshot(), "app").state())
                    .isEqualTo(new ContainerState.Terminated(137, "OOMKilled", "", SECOND, SECOND + 3000));
            assertThat(oomAsked).containsExactly(POD + "-app");
        }

        @Test
        void should_leave_a_137_podman_does_not_call_an_oom_kill_an_error() {
            PodmanStatus status = status(INIT_AND_APP, false);
            status.apply(event("app", "start", 100));

            status.apply(event("app", "died", 3100, ",\"ContainerExitCode\":137"));

            assertThat(((ContainerState.Terminated) only(status.snapshot(), "app").state()).reason()).isEqualTo("Error");
        }

        @Test
        void should_be_gone_at_the_pods_removal_only() {
            PodmanStatus status = status(INIT_AND_APP, false);
            PodmanEvent stop = PodmanEvent.parse("""
                    {"ID":"10a1","Name":"%s","Status":"stop","Time":"2026-11-25T19:07:17.958729412Z","Type":"pod"}"""
                    .formatted(POD));
            PodmanEvent remove = PodmanEvent.parse("""
                    {"ID":"10a1","Name":"%s","Status":"remove","Time":"2026-11-25T19:07:18.2Z","Type":"pod"}"""
                    .formatted(POD));

            status.apply(stop);
            boolean goneAfterStop = status.gone();
            status.apply(remove);

            assertThat(goneAfterStop).isFalse();
            assertThat(status.gone()).isTrue();
        }
    }

    @Nested
    class ReadyAndStarted {
        @Test
        void should_never_show_ready_with_a_readiness_probe_podman_never_runs() {
            PodmanStatus status = status("""
                    containers:
                    - name: app
                      image: busybox:1.36
                      readinessProbe: {exec: {command: [cat, /tmp/ready]}}
                    """, false);

            status.apply(event("app", "start", 100));

            ContainerStatus app = only(status.snapshot(), "app");
            assertThat(app.started()).isTrue();
            assertThat(app.ready()).isFalse();
        }

        @Test
        void should_never_show_started_with_a_startup_probe_podman_never_runs() {
            PodmanStatus status = status("""
                    containers:
                    - name: app
                      image: busybox:1.36
                      startupProbe: {exec: {command: [cat, /tmp/started]}}
                    """, false);

            status.apply(event("app", "start", 100));

            ContainerStatus app = only(status.snapshot(), "app");
            assertThat(app.started()).isFalse();
            assertThat(app.ready()).isFalse();
        }

        @Test
        void should_list_a_sidecar_with_the_init_containers_ready_while_it_runs() {
            PodmanStatus status = status("""
                    initContainers:
                    - {name: logs, image: busybox:1.36, restartPolicy: Always}
                    containers:
                    - {name: app, image: busybox:1.36}
                    """, false);

            status.apply(event("logs", "create", 10));
            status.apply(event("app", "create", 20));
            status.apply(event("logs", "start", 100));

            assertThat(status.snapshot().initContainerStatuses()).extracting(ContainerStatus::name).containsExactly("logs");
            assertThat(only(status.snapshot(), "logs").ready()).isTrue();
        }
    }
}
