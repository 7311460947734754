package dev.podcheck.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What rendering does to a pod: which fields it rewrites, which it keeps, what it adds. */
class PodRendererTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: shop
              labels: {app: shop}
            spec:
              terminationGracePeriodSeconds: 20
              volumes:
              - name: data
                emptyDir: {}
              initContainers:
              - name: logs
                image: fluentd:1
                restartPolicy: Always
                startupProbe: {tcpSocket: {port: 8080}, periodSeconds: 2}
                lifecycle: {postStart: {sleep: {seconds: 5}}}
              containers:
              - name: app
                image: nginx:1.27
                args: [--port, "8080"]
                volumeMounts:
                - {name: data, mountPath: /data}
                startupProbe: {grpc: {port: 9090}, failureThreshold: 30}
                livenessProbe: {httpGet: {path: /healthz, port: 8080, scheme: HTTPS}, initialDelaySeconds: 3}
                readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 4, successThreshold: 2}
              - name: worker
                image: worker:2
                readinessProbe: {httpGet: {path: /, port: 8080}}
                livenessProbe: {tcpSocket: {port: http}}
                lifecycle: {preStop: {httpGet: {path: /stop, port: 8080}}}
            """;

    static Scenario shop() {
        return Defaulting.apply(ScenarioReader.readOne("shop", POD));
    }

    static RenderedPod rendered() {
        return PodRenderer.render(shop(), RenderOptions.kubernetes("registry.example/busybox:1.36"));
    }

    static Probe probe(RenderedPod pod, String container, ProbeKind kind) {
        return TestPods.container(pod, container).probe(kind);
    }

    @Nested
    class Containers {
        @Test
        void should_run_the_given_image_pulled_once_with_a_script_instead_of_command_and_args() {
            assertThat(rendered().pod().spec().allContainers()).allSatisfy(c -> {
                assertThat(c.image()).isEqualTo("registry.example/busybox:1.36");
                assertThat(c.imagePullPolicy()).isEqualTo("IfNotPresent");
                assertThat(c.command()).startsWith("sh", "-c").hasSize(3);
                assertThat(c.args()).isEmpty();
            });
        }

        @Test
        void should_mount_the_report_volume_beside_the_pods_own_volumes() {
            RenderedPod pod = rendered();

            assertThat(pod.pod().spec().extra().get("volumes")).isEqualTo(List.of(
                    Map.of("name", "data", "emptyDir", Map.of()),
                    Map.of("name", "podcheck-reports", "emptyDir", Map.of())));
            assertThat(TestPods.container(pod, "app").extra().get("volumeMounts")).isEqualTo(List.of(
                    Map.of("name", "data", "mountPath", "/data"),
                    Map.of("name", "podcheck-reports", "mountPath", "/podcheck")));
            assertThat(pod.yaml()).contains("""
                      - name: podcheck-reports
                        emptyDir: {}
                    """);
        }

        @Test
        void should_mount_a_host_directory_when_asked() {
            RenderedPod pod = PodRenderer.render(shop(),
                    new RenderOptions(null, new ReportVolume.HostPath("/var/tmp/podcheck/run-1")));

            assertThat(pod.yaml()).contains("""
                      - name: podcheck-reports
                        hostPath:
                          path: /var/tmp/podcheck/run-1
                          type: DirectoryOrCreate
                    """);
            assertThat(TestPods.container(pod, "logs").image()).isEqualTo("busybox:1.36");
        }

        @Test
        void should_turn_every_hook_into_an_exec_hook_and_add_none() {
            RenderedPod pod = rendered();

            assertThat(TestPods.container(pod, "logs").lifecycle().postStart().handlers())
                    .singleElement().satisfies(h -> assertThat(h.fieldName()).isEqualTo("exec"));
            assertThat(TestPods.container(pod, "logs").lifecycle().preStop()).isNull();
            assertThat(TestPods.container(pod, "worker").lifecycle().preStop().exec().command()).startsWith("sh", "-c");
            assertThat(TestPods.container(pod, "app").lifecycle()).isNull();
        }
    }

    @Nested
    class Probes {
        @Test
        void should_ask_httpGet_probes_for_a_cgi_program_per_kind_on_plain_http() {
            HTTPGetAction liveness = probe(rendered(), "app", ProbeKind.liveness).httpGet();

            assertThat(liveness).isEqualTo(new HTTPGetAction("/cgi-bin/liveness",
                    IntOrString.of(20000), null, "HTTP", Map.of()));
            assertThat(probe(rendered(), "app", ProbeKind.readiness).httpGet().path()).isEqualTo("/cgi-bin/readiness");
        }

        @Test
        void should_give_each_listener_a_port_of_its_own_in_the_pods_network() {
            RenderedPod pod = rendered();

            // logs' tcpSocket probe came first and keeps 8080; app's one server takes the next free port;
            // worker's named port gets one, and its server another (kinds in order: liveness, readiness).
            assertThat(probe(pod, "logs", ProbeKind.startup).tcpSocket().port().intValue()).isEqualTo(8080);
            assertThat(probe(pod, "app", ProbeKind.liveness).httpGet().port().intValue()).isEqualTo(20000);
            assertThat(probe(pod, "app", ProbeKind.readiness).httpGet().port().intValue()).isEqualTo(20000);
            assertThat(probe(pod, "worker", ProbeKind.liveness).tcpSocket().port().intValue()).isEqualTo(20001);
            assertThat(probe(pod, "worker", ProbeKind.readiness).httpGet().port().intValue()).isEqualTo(20002);
            assertThat(TestPods.container(pod, "app").command().get(2)).contains("httpd -f -p 20000 -h \"$W\" &");
        }

        @Test
        void should_rewrite_gRPC_probes_as_exec_probes() {
            Probe startup = probe(rendered(), "app", ProbeKind.startup);

            assertThat(startup.grpc()).isNull();
            assertThat(startup.exec().command()).startsWith("sh", "-c");
            assertThat(startup.failureThreshold()).isEqualTo(30);
        }

        @Test
        void should_keep_every_timing_field() {
            Container given = shop().pod().spec().containers().get(0);
            Container rendered = TestPods.container(rendered(), "app");

            for (ProbeKind kind : ProbeKind.values()) {
                assertThat(rendered.probe(kind).withHandlers(null, null, null, null))
                        .isEqualTo(given.probe(kind).withHandlers(null, null, null, null));
            }
        }
    }

    @Nested
    class Manifest {
        @Test
        void should_say_it_is_rendered_and_carry_the_scenario() {
            Scenario scenario = TestPods.scenario("{exit: {after: 1s, code: 2}}");
            RenderedPod pod = PodRenderer.render(scenario, RenderOptions.kubernetes(null));

            assertThat(pod.pod().metadata().annotations())
                    .containsEntry("podcheck.dev/rendered", "busybox:1.36")
                    .containsKey(Scenario.ANNOTATION);
            assertThat(ScenarioReader.readOne("rendered", pod.yaml()).behaviours()).isEqualTo(scenario.behaviours());
        }

        @Test
        void should_start_as_a_pod_manifest() {
            assertThat(rendered().yaml()).startsWith("apiVersion: v1\nkind: Pod\nmetadata:\n  name: shop\n");
        }
    }

    @Nested
    class Refusals {
        @Test
        void should_refuse_a_pod_that_has_a_volume_of_the_report_volumes_name() {
            Scenario scenario = Defaulting.apply(ScenarioReader.readOne("clash",
                    POD.replace("- name: data\n    emptyDir", "- name: podcheck-reports\n    emptyDir")));

            assertThatThrownBy(() -> PodRenderer.render(scenario, RenderOptions.kubernetes(null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the pod already has a volume named podcheck-reports, which rendering needs for its"
                            + " reports: rename it");
        }

        @Test
        void should_refuse_a_container_that_mounts_something_at_the_report_path() {
            Scenario scenario = Defaulting.apply(ScenarioReader.readOne("clash", POD.replace("mountPath: /data", "mountPath: /podcheck")));

            assertThatThrownBy(() -> PodRenderer.render(scenario, RenderOptions.kubernetes(null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("container app already mounts a volume at /podcheck, where rendering mounts its"
                            + " reports: move it");
        }

        @Test
        void should_refuse_a_host_path_that_is_not_absolute_and_a_blank_image() {
            assertThatThrownBy(() -> new ReportVolume.HostPath("podcheck"))
                    .hasMessage("a hostPath report volume needs an absolute path, got podcheck");
            assertThatThrownBy(() -> RenderOptions.kubernetes(" "))
                    .hasMessage("the image to render with must not be blank");
        }
    }
}
