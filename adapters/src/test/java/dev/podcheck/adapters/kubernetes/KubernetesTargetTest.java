package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KubernetesTargetTest {
    private static final Duration HORIZON = Duration.ofSeconds(60);

    private MockCluster cluster;
    private KubernetesTarget target;

    @BeforeEach
    void open() throws TargetException {
        cluster = new MockCluster();
        ClusterApi api = cluster.ownApi();
        target = new KubernetesTarget(api, RunNamespace.create(api, "podcheck", "r1"), "busybox:1.36",
                Duration.ofSeconds(20), TrialClock.SYSTEM);
    }

    @AfterEach
    void close() {
        target.close();
        cluster.close();
    }

    static Scenario job(String name) {
        return Defaulting.apply(ScenarioReader.readOne("test", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {exit: {after: 1s, code: 0}}
                spec:
                  restartPolicy: Never
                  containers:
                  - {name: app, image: busybox:1.36}
                """.formatted(name)));
    }

    /** What a kubelet writes for a pod whose only container ran and exited 0. */
    static PodStatus succeeded(Pod pod) {
        return new PodStatusBuilder().withPhase("Succeeded").withQosClass("BestEffort")
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewContainerStatus().withName("app").withRestartCount(0).withReady(false).withStarted(false)
                .withNewState().withNewTerminated().withExitCode(0).withReason("Completed")
                .withStartedAt("2026-11-25T10:00:00Z").withFinishedAt("2026-11-25T10:00:01Z").endTerminated().endState()
                .endContainerStatus().build();
    }

    private ScriptedKubelet kubelet(Function<Pod, PodStatus> status, boolean remove) {
        return new ScriptedKubelet(cluster.client(), target.namespace(), status, remove);
    }

    @Nested
    class Submitting {
        @Test
        void should_submit_the_rendered_pod_under_a_unique_name_with_the_run_label() {
            Pod first = target.submitted(job("web"), "web-1");

            assertThat(first.getMetadata().getName()).isEqualTo("web-1");
            assertThat(first.getMetadata().getNamespace()).isEqualTo("podcheck-r1");
            assertThat(first.getMetadata().getLabels()).containsEntry("podcheck.dev/run", "r1");
            assertThat(first.getSpec().getContainers()).extracting(c -> c.getImage()).containsOnly("busybox:1.36");
        }

        @Test
        @SuppressWarnings("try") // the kubelet acts while it is open
        void should_run_parallel_trials_each_in_its_own_pod() throws Exception {
            try (ScriptedKubelet kubelet = kubelet(KubernetesTargetTest::succeeded, true)) {
                ExecutorService threads = Executors.newFixedThreadPool(4);
                List<Future<Trace>> traces = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    traces.add(threads.submit(() -> target.run(job("job"), HORIZON)));
                }
                for (Future<Trace> f : traces) {
                    Trace trace = f.get();
                    assertThat(trace.all(TraceEvent.PodPhaseChanged.class)).extracting(TraceEvent.PodPhaseChanged::phase)
                            .contains(PodPhase.Succeeded);
                    assertThat(trace.all(TraceEvent.PodRemoved.class)).hasSize(1);
                }
                threads.shutdown();
            }
            assertThat(cluster.client().pods().inNamespace("podcheck-r1").list().getItems()).isEmpty();
        }
    }

    @Nested
    class Inconclusive {
        @Test
        @SuppressWarnings("try") // the kubelet acts while it is open
        void should_give_up_on_a_pod_the_scheduler_cannot_place() {
            try (ScriptedKubelet scheduler = kubelet(p -> new PodStatusBuilder().withPhase("Pending")
                    .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                    .withMessage("0/1 nodes are available: 1 Insufficient cpu.").endCondition().build(), false)) {

                assertThatThrownBy(() -> target.run(job("big"), HORIZON)).isInstanceOf(TargetException.class)
                        .hasMessage("pod big-1 cannot be scheduled: 0/1 nodes are available: 1 Insufficient cpu.");
            }
            assertThat(cluster.client().pods().inNamespace("podcheck-r1").list().getItems()).isEmpty();
        }

        @Test
        @SuppressWarnings("try") // the kubelet acts while it is open
        void should_give_up_on_an_image_that_cannot_be_pulled() {
            try (ScriptedKubelet kubelet = kubelet(p -> new PodStatusBuilder().withPhase("Pending")
                    .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                    .addNewContainerStatus().withName("app").withImage("busybox:1.36").withRestartCount(0)
                    .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"busybox:1.36\"").endWaiting().endState()
                    .endContainerStatus().build(), false)) {

                assertThatThrownBy(() -> target.run(job("pull"), HORIZON)).isInstanceOf(TargetException.class)
                        .hasMessageStartingWith("the image busybox:1.36 of container app cannot be pulled (ImagePullBackOff:"
                                + " Back-off pulling image \"busybox:1.36\")");
            }
        }

        /** As kubelet v1.34 on containerd and runc showed for a pod limited to 2Mi, every attempt again. */
        @Test
        @SuppressWarnings("try") // the kubelet acts while it is open
        void should_give_up_on_a_pod_whose_sandbox_the_runtime_cannot_create_again() {
            String oom = "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task:"
                    + " failed to create shim task: OCI runtime create failed: runc create failed: unable to start"
                    + " container process: container init was OOM-killed (memory limit too low?): unknown";
            try (ScriptedKubelet kubelet = kubelet(p -> {
                cluster.client().v1().events().inNamespace(target.namespace()).resource(new EventBuilder()
                        .withNewMetadata().withName(p.getMetadata().getName() + ".sandbox").endMetadata()
                        .withNewInvolvedObject().withKind("Pod").withName(p.getMetadata().getName())
                        .withUid(p.getMetadata().getUid()).endInvolvedObject()
                        .withReason("FailedCreatePodSandBox").withMessage(oom).withCount(2).build()).create();
                return new PodStatusBuilder().withPhase("Pending")
                        .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                        .addNewContainerStatus().withName("app").withImage("busybox:1.36").withRestartCount(0)
                        .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState()
                        .endContainerStatus().build();
            }, false)) {

                assertThatThrownBy(() -> target.run(job("small"), HORIZON)).isInstanceOf(TargetException.class)
                        .hasMessage("the runtime cannot create the sandbox of pod small-1 (2 attempts): " + oom);
            }
        }

        @Test
        void should_give_up_on_a_pod_no_node_takes_within_the_trial_timeout() throws TargetException {
            ClusterApi api = cluster.ownApi();
            try (KubernetesTarget impatient = new KubernetesTarget(api, RunNamespace.create(api, "podcheck", "r2"),
                    "busybox:1.36", Duration.ofMillis(300), TrialClock.SYSTEM)) {

                assertThatThrownBy(() -> impatient.run(job("lonely"), HORIZON)).isInstanceOf(TargetException.class)
                        .hasMessage("pod lonely-1 was not scheduled within 300ms (--trial-timeout)");
            }
        }
    }

    @Nested
    class OnlyItsOwn {
        @Test
        void should_leave_a_pod_it_did_not_create_even_when_its_name_is_taken() {
            cluster.client().pods().inNamespace("podcheck-r1").resource(new PodBuilder()
                    .withNewMetadata().withName("web-1").endMetadata().withNewSpec().addNewContainer().withName("app")
                    .withImage("nginx").endContainer().endSpec().build()).create();

            assertThatThrownBy(() -> target.run(job("web"), HORIZON)).isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("cannot create the pod web-1: the Kubernetes API answered 409");
            assertThat(cluster.client().pods().inNamespace("podcheck-r1").withName("web-1").get()).isNotNull();
        }
    }

    @Nested
    class Closing {
        @Test
        void should_delete_the_run_namespace_once() {
            target.close();
            target.close();

            assertThat(cluster.client().namespaces().withName("podcheck-r1").get()).isNull();
        }

        @Test
        void should_delete_the_run_namespace_on_ctrl_c_and_then_close_quietly() throws InterruptedException {
            Thread hook = target.shutdownHook();
            hook.start();
            hook.join();

            assertThat(cluster.client().namespaces().withName("podcheck-r1").get()).isNull();
            target.close();
        }

        @Test
        void should_refuse_trials_once_closed() {
            target.close();

            assertThatThrownBy(() -> target.run(job("late"), HORIZON)).hasMessage("the kubernetes target is closed");
        }
    }
}
