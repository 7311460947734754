package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.DiskUse;
import dev.podcheck.spec.behaviour.Exit;
import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.behaviour.ProcessCount;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.LoseSandbox;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioWriterTest {

    static Stream<Path> manifests() throws IOException {
        return Files.list(ScenarioReaderTest.MANIFESTS).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void should_read_back_what_it_writes_for_every_real_manifest(Path manifest) {
        List<Scenario> read = ScenarioReader.read(manifest);

        assertThat(ScenarioReader.read("yaml", ScenarioWriter.toYaml(read))).isEqualTo(read);
        assertThat(ScenarioReader.read("json", ScenarioWriter.toJson(read.get(0)))).containsExactly(read.get(0));
    }

    @Test
    void should_write_canonical_yaml_with_quantities_canonical_and_behaviour_defaults_left_out() {
        // GIVEN a pod written with non-canonical quantities and a behaviour with mostly default fields
        Container app = Container.of("app", "busybox:1.36").withResources(ResourceRequirements.of(
                Map.of("cpu", Quantity.parse("0.5")), Map.of("memory", Quantity.parse("1073741824"))));
        InstanceBehaviour crash = InstanceBehaviour.DEFAULT.withTimes(2).withExit(Exit.after(Duration.ofSeconds(90), 1));
        InstanceBehaviour healthy = InstanceBehaviour.DEFAULT.withHealth(ProbeKind.readiness, Health.from(Duration.ofSeconds(5)));
        Scenario scenario = new Scenario(
                Pod.of(ObjectMeta.named("demo"), PodSpec.of(List.of(), List.of(app))),
                Map.of("app", ContainerBehaviour.of(crash, healthy)),
                List.of(DeletePod.at(Duration.ofSeconds(40), 10L)));

        // THEN
        assertThat(ScenarioWriter.toYaml(scenario)).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: demo
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app:
                        - times: 2
                          exit:
                            after: 1m30s
                            code: 1
                        - readiness:
                          - from: 5s
                      events:
                      - deletePod:
                          at: 40s
                          gracePeriodSeconds: 10
                          force: false
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    resources:
                      requests:
                        cpu: 500m
                      limits:
                        memory: "1073741824"
                """);
        // (a quantity is a string: quoted where YAML would read it as a number, as kubectl get -o yaml writes it)
    }

    @Test
    void should_write_node_images_without_their_defaults_and_read_them_back() {
        Pod pod = Pod.of(ObjectMeta.named("p"), PodSpec.of(List.of(), List.of(Container.of("a", "busybox:1.36"))));
        Scenario scenario = Scenario.of(pod).withImages(Map.of("busybox:1.36", NodeImage.pulls(Duration.ofSeconds(2), 3)));

        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(ScenarioWriter.toManifest(scenario).metadata().annotations().get(Scenario.ANNOTATION))
                .isEqualTo("""
                        images:
                          busybox:1.36:
                            pullTakes: 2s
                            failedPulls: 3
                        """);
        assertThat(ScenarioReader.readOne("test", yaml)).isEqualTo(scenario);
    }

    @Test
    void should_write_volume_writes_without_the_other_defaults_and_read_them_back() {
        Container app = Container.of("a", "busybox:1.36").withExtra(
                Map.of("volumeMounts", List.of(Map.of("name", "cache", "mountPath", "/cache"))));
        Pod pod = Pod.of(ObjectMeta.named("p"), PodSpec.of(List.of(), List.of(app)).withExtra(
                Map.of("volumes", List.of(Map.of("name", "cache", "emptyDir", Map.of("sizeLimit", "100Mi"))))));
        Scenario scenario = new Scenario(pod, Map.of("a", ContainerBehaviour.of(InstanceBehaviour.DEFAULT.withVolumes(
                Map.of("cache", List.of(new DiskUse(Duration.ofSeconds(5), Quantity.parse("101Mi"))))))), List.of());

        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(ScenarioWriter.toManifest(scenario).metadata().annotations().get(Scenario.ANNOTATION))
                .isEqualTo("""
                        containers:
                          a:
                          - volumes:
                              cache:
                              - from: 5s
                                bytes: 101Mi
                        """);
        assertThat(ScenarioReader.readOne("test", yaml)).isEqualTo(scenario);
    }

    @Test
    void should_write_tasks_and_a_PID_condition_and_read_them_back() {
        Pod pod = Pod.of(ObjectMeta.named("p"), PodSpec.of(List.of(), List.of(Container.of("a", "busybox:1.36"))));
        Scenario scenario = new Scenario(pod, Map.of("a", ContainerBehaviour.of(InstanceBehaviour.DEFAULT.withProcesses(
                List.of(new ProcessCount(Duration.ofSeconds(5), 30_000L))))),
                List.of(new NodePidPressure(Duration.ZERO, 100_000L, 90_000L)));

        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(ScenarioWriter.toManifest(scenario).metadata().annotations().get(Scenario.ANNOTATION))
                .isEqualTo("""
                        containers:
                          a:
                          - processes:
                            - from: 5s
                              count: 30000
                        events:
                        - nodePidPressure:
                            at: 0s
                            maxPids: 100000
                            evictionThreshold: 90000
                        """);
        assertThat(ScenarioReader.readOne("test", yaml)).isEqualTo(scenario);
    }

    @Test
    void should_refuse_a_PID_condition_without_a_threshold_in_one_line() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - nodePidPressure: {at: 0s, maxPids: 100000}
                spec:
                  containers: [{name: a, image: busybox:1.36}]
                """;

        assertThatThrownBy(() -> ScenarioReader.readOne("s.yaml", yaml)).hasMessageEndingWith(
                "eviction threshold pid.available must be a positive number of tasks, got null");
    }

    @Test
    void should_write_disk_writes_and_a_filesystem_condition_and_read_them_back() {
        Pod pod = Pod.of(ObjectMeta.named("p"), PodSpec.of(List.of(), List.of(Container.of("a", "busybox:1.36"))));
        Scenario scenario = new Scenario(pod, Map.of("a", ContainerBehaviour.of(InstanceBehaviour.DEFAULT.withDisk(
                List.of(new DiskUse(Duration.ofSeconds(5), Quantity.parse("2Gi")))))),
                List.of(new NodeDiskPressure(Duration.ZERO, Quantity.parse("100Gi"), Quantity.parse("20Gi"), "12%")));

        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(ScenarioWriter.toManifest(scenario).metadata().annotations().get(Scenario.ANNOTATION))
                .isEqualTo("""
                        containers:
                          a:
                          - disk:
                            - from: 5s
                              bytes: 2Gi
                        events:
                        - nodeDiskPressure:
                            at: 0s
                            capacity: 100Gi
                            available: 20Gi
                            evictionThreshold: 12%
                        """);
        assertThat(ScenarioReader.readOne("test", yaml)).isEqualTo(scenario);
    }

    @ParameterizedTest
    @MethodSource("badFilesystemConditions")
    void should_refuse_a_bad_filesystem_condition_in_one_line(String condition, String cause) {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - nodeDiskPressure: %s
                spec:
                  containers: [{name: a, image: busybox:1.36}]
                """.formatted(condition);

        assertThatThrownBy(() -> ScenarioReader.readOne("s.yaml", yaml)).hasMessageNotContaining("\n")
                .hasMessageEndingWith(cause);
    }

    static Stream<Arguments> badFilesystemConditions() {
        return Stream.of(
                Arguments.of("{at: 0s, available: 20Gi}", "capacity must be a positive quantity, got null"),
                Arguments.of("{at: 0s, capacity: 10Gi, available: 20Gi}",
                        "available must be a quantity from 0 to capacity 10Gi, got 20Gi"),
                Arguments.of("{at: 0s, capacity: 10Gi, available: 2Gi, evictionThreshold: 150%}",
                        "eviction percentage threshold nodefs.available must be <= 100%: 150%"),
                Arguments.of("{at: 0s, capacity: 10Gi, available: 2Gi, evictionThreshold: '-1Gi'}",
                        "eviction threshold nodefs.available must be positive: -1Gi"));
    }

    @Test
    void should_write_kubelet_restarts_and_sandbox_losses_and_read_them_back() {
        Pod pod = Pod.of(ObjectMeta.named("p"), PodSpec.of(List.of(), List.of(Container.of("a", "busybox:1.36"))));
        Scenario scenario = Scenario.of(pod).withEvents(List.of(new RestartKubelet(Duration.ofSeconds(30)),
                new LoseSandbox(Duration.ofSeconds(90))));

        String yaml = ScenarioWriter.toYaml(scenario);

        assertThat(ScenarioWriter.toManifest(scenario).metadata().annotations().get(Scenario.ANNOTATION))
                .isEqualTo("""
                        events:
                        - restartKubelet:
                            at: 30s
                        - loseSandbox:
                            at: 1m30s
                        """);
        assertThat(ScenarioReader.readOne("test", yaml)).isEqualTo(scenario);
    }

    @Test
    void should_leave_out_the_annotation_when_there_is_nothing_to_say() {
        Scenario plain = Scenario.of(Pod.of(ObjectMeta.named("p"), PodSpec.of(List.of(), List.of(Container.of("a", "b")))));

        assertThat(ScenarioWriter.toManifest(plain).metadata().annotations()).isEmpty();
    }
}
