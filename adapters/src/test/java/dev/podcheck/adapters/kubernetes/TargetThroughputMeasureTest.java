package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The target's own cost per trial against the mock API, printed for the docs; it asserts nothing
 * on time. Run with {@code -Dpodcheck.excludedGroups=none -Dgroups=measure -Dtest=TargetThroughputMeasureTest}.
 */
@Tag("measure")
class TargetThroughputMeasureTest {
    private static final int WARM_UP = 20;

    /**
     * An instant kubelet: the pod is Succeeded and removed as soon as it appears, so a trial is the
     * target's API work alone: two lists and two watches, the create, the status and the removal
     * as the watch delivers them.
     */
    @Test
    @SuppressWarnings("try") // the kubelet acts while it is open
    void trials_per_second_with_an_instant_kubelet() throws Exception {
        for (int parallel : new int[] {1, 8}) {
            try (MockCluster cluster = new MockCluster()) {
                ClusterApi api = cluster.ownApi();
                try (KubernetesTarget target = new KubernetesTarget(api, RunNamespace.create(api, "podcheck", "m"),
                        "busybox:1.36", Duration.ofSeconds(30), TrialClock.SYSTEM);
                     ScriptedKubelet kubelet = new ScriptedKubelet(cluster.client(), target.namespace(),
                             KubernetesTargetTest::succeeded, true)) {
                    Scenario job = KubernetesTargetTest.job("job");
                    run(target, job, WARM_UP, parallel);
                    int trials = 200;
                    long start = System.nanoTime();
                    run(target, job, trials, parallel);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("instant kubelet, %d at once: %d trials in %.2f s = %.1f trials/s%n",
                            parallel, trials, seconds, trials / seconds);
                }
            }
        }
    }

    /**
     * The engine as kubelet in virtual time, the example web pod (init, sidecar, probes, a graceful
     * deletion at 2 m, 150 s of horizon): every status write, Event and log read of a full trial.
     */
    @Test
    void trials_per_second_with_the_engine_as_kubelet() throws Exception {
        Duration horizon = Duration.ofSeconds(150);
        Scenario web = Defaulting.apply(ScenarioReader.readOne("web.yaml",
                Files.readString(Path.of("../examples/web.yaml"))));
        try (MockCluster cluster = new MockCluster()) {
            ClusterApi api = cluster.ownApi();
            RunNamespace namespace = RunNamespace.create(api, "podcheck", "m");
            FakeKubelet kubelet = new FakeKubelet(cluster, namespace.name(), horizon);
            try (KubernetesTarget target = new KubernetesTarget(api, namespace, "busybox:1.36", Duration.ofSeconds(60),
                    kubelet)) {
                kubelet.expect(web);
                for (int i = 0; i < WARM_UP; i++) {
                    target.run(web, horizon);
                }
                int trials = 50;
                long start = System.nanoTime();
                for (int i = 0; i < trials; i++) {
                    target.run(web, horizon);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("engine as kubelet, web.yaml (150 s of pod life): %d trials in %.2f s = %.1f trials/s%n",
                        trials, seconds, trials / seconds);
            }
        }
    }

    private static void run(KubernetesTarget target, Scenario scenario, int trials, int parallel) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Trace>> done = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                done.add(threads.submit(() -> target.run(scenario, Duration.ofSeconds(60))));
            }
            for (Future<Trace> f : done) {
                assertThat(f.get().events()).isNotEmpty();
            }
        } finally {
            threads.shutdown();
        }
    }
}
