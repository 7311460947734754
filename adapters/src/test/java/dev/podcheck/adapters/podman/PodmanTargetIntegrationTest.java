package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podcheck.adapters.TargetArgs;
import dev.podcheck.adapters.TrialNames;
import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.conformance.differential.Comparison;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target against the real podman of this machine: skipped, with the reason, where podman does
 * not run or there is no static busybox to make the image from; run by {@code ./mvnw verify}
 * everywhere else (CI installs both). About 15 s of wall time: the trials are short and run at once.
 */
@Tag("podman")
class PodmanTargetIntegrationTest {
    private static final Duration HORIZON = Duration.ofSeconds(10);

    @TempDir
    static Path stateDir;

    private static PodmanTarget target;
    private static Podman podman;
    /** Why these tests cannot run here, or null. */
    private static String unusable;

    @BeforeAll
    static void open() throws TargetException {
        StateDir state = new StateDir(stateDir).prepare();
        podman = new Podman("podman", state.containersConf(), state.scratch());
        try {
            podman.version();
        } catch (TargetException e) {
            unusable = "the podman integration tests are skipped: " + e.getMessage();
            return;
        }
        if (!Files.isRegularFile(BusyboxImage.BUSYBOX)) {
            unusable = "no " + BusyboxImage.BUSYBOX + " to make the image from (install busybox-static), so the"
                    + " podman integration tests are skipped";
            return;
        }
        PodmanTargetProvider provider = new PodmanTargetProvider();
        TargetArgs.apply(provider, "--state-dir", stateDir.toString());
        target = (PodmanTarget) provider.open();
    }

    /** Each test says why it is skipped: a skipped class alone shows as no tests at all. */
    @BeforeEach
    void usable() {
        assumeTrue(unusable == null, unusable);
    }

    @AfterAll
    static void close() {
        if (target != null) {
            target.close();
        }
    }

    private static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    /** The whole trace, one event a line: what an ordering check prints when it fails. */
    private static String lines(Trace trace) {
        return trace.events().stream().map(TraceEvent::toString).collect(Collectors.joining("\n", "\n", "\n"));
    }

    private static int first(Trace trace, Predicate<TraceEvent> which) {
        List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Predicate<TraceEvent> status(String container, Predicate<ContainerStatus> which) {
        return e -> e instanceof ContainerStatusChanged c && c.status().name().equals(container) && which.test(c.status());
    }

    private static final Scenario GRACEFUL = scenario("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: graceful
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    init: {exit: {after: 1s, code: 0}}
                    app:
                      onSigterm: {exitAfter: 1s, code: 0}
                  events:
                  - deletePod: {at: 4s, gracePeriodSeconds: 3}
            spec:
              restartPolicy: Never
              initContainers:
              - {name: init, image: busybox:1.36}
              containers:
              - {name: app, image: busybox:1.36}
            """);

    private static final Scenario CRASHING = scenario("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: crashing
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {exit: {after: 1s, code: 1}}
            spec:
              restartPolicy: OnFailure
              containers:
              - {name: app, image: busybox:1.36}
            """);

    @Test
    void should_run_pods_at_once_and_see_init_order_sigterm_restarts_and_removal() throws Exception {
        CompletableFuture<Trace> crashing = CompletableFuture.supplyAsync(() -> run(CRASHING));
        Trace graceful = run(GRACEFUL);

        int initExited = first(graceful, status("init", s -> s.state() instanceof ContainerState.Terminated t
                && t.exitCode() == 0));
        int appStarted = first(graceful, status("app", s -> s.state() instanceof ContainerState.Running));
        int deleted = first(graceful, TraceEvent.DeletionRequested.class::isInstance);
        int sigterm = first(graceful, e -> e instanceof TraceEvent.SignalSent s && s.container().equals("app")
                && s.signal() == TraceEvent.Signal.SIGTERM);
        int appExited = first(graceful, status("app", s -> s.state() instanceof ContainerState.Terminated t
                && t.exitCode() == 0 && t.signal().equals("SIGTERM")));
        assertThat(List.of(initExited, appStarted, deleted, sigterm, appExited)).as(lines(graceful))
                .doesNotContain(-1).isSorted();
        assertThat(graceful.events()).as(lines(graceful)).last().isInstanceOf(TraceEvent.PodRemoved.class);

        Trace crashed = crashing.get();
        List<ContainerStatus> statuses = crashed.all(ContainerStatusChanged.class).map(ContainerStatusChanged::status)
                .toList();
        assertThat(statuses).as(lines(crashed)).last().extracting(ContainerStatus::restartCount).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.INTEGER).isPositive();
        assertThat(statuses.stream().map(ContainerStatus::state).filter(ContainerState.Terminated.class::isInstance)
                .map(t -> ((ContainerState.Terminated) t).exitCode())).as(lines(crashed)).isNotEmpty().containsOnly(1);

        assertThat(labelled(target.runId())).as("every trial removes its pod").isEmpty();
    }

    @Test
    void should_agree_with_the_reference_engine_on_a_pod_podman_runs_as_kubernetes_does() {
        Trace graceful = run(GRACEFUL);

        Comparison comparison = Comparison.of(GRACEFUL, graceful, target.observations(), target.timing(), HORIZON);

        assertThat(comparison.differences()).as(lines(graceful)).isEmpty();
    }

    @Test
    void should_call_a_pod_podman_refuses_inconclusive() {
        Scenario probedSidecar = scenario("""
                apiVersion: v1
                kind: Pod
                metadata: {name: refused}
                spec:
                  initContainers:
                  - name: logs
                    image: busybox:1.36
                    restartPolicy: Always
                    readinessProbe: {exec: {command: [cat, /tmp/ready]}}
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        assertThatThrownBy(() -> target.run(probedSidecar, HORIZON)).isInstanceOf(TargetException.class)
                .hasMessageStartingWith("podman kube play did not start pod refused-" + target.runId())
                .hasMessageContaining("cannot create an init container");
    }

    @Test
    void should_remove_the_pods_of_one_run_and_no_other() throws Exception {
        String run = TrialNames.runId();
        String other = TrialNames.runId();
        List<String> pods = List.of("labelled-" + run, "other-run-" + other, "unlabelled-" + run);
        podman.run(Podman.QUICK, "pod", "create", "--label", PodmanManifest.RUN_LABEL + "=" + run, pods.get(0));
        podman.run(Podman.QUICK, "pod", "create", "--label", PodmanManifest.RUN_LABEL + "=" + other, pods.get(1));
        podman.run(Podman.QUICK, "pod", "create", pods.get(2));
        try {
            List<String> removed = LabelledPods.remove(podman, run, (id, state) -> true);

            assertThat(removed).containsExactly("pod " + pods.get(0));
            assertThat(podman.run(Podman.QUICK, "pod", "ps", "--format", "{{.Name}}").lines())
                    .doesNotContain(pods.get(0)).contains(pods.get(1), pods.get(2));
        } finally {
            podman.run(Podman.QUICK, "pod", "rm", "--force", "--ignore", pods.get(1), pods.get(2));
        }
    }

    private static Trace run(Scenario scenario) {
        try {
            return target.run(scenario, HORIZON);
        } catch (TargetException e) {
            throw new AssertionError("the trial of " + scenario.pod().metadata().name() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> labelled(String runId) throws TargetException {
        return podman.run(Podman.QUICK, "pod", "ps", "--filter", "label=" + PodmanManifest.RUN_LABEL + "=" + runId,
                "--format", "{{.Name}}").lines().toList();
    }
}
