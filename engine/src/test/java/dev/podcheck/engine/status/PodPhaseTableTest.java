package dev.podcheck.engine.status;

import static dev.podcheck.engine.status.Statuses.backOffAfterSuccess;
import static dev.podcheck.engine.status.Statuses.crashLoop;
import static dev.podcheck.engine.status.Statuses.failed;
import static dev.podcheck.engine.status.Statuses.pod;
import static dev.podcheck.engine.status.Statuses.regular;
import static dev.podcheck.engine.status.Statuses.running;
import static dev.podcheck.engine.status.Statuses.sidecar;
import static dev.podcheck.engine.status.Statuses.started;
import static dev.podcheck.engine.status.Statuses.succeeded;
import static dev.podcheck.engine.status.Statuses.waiting;
import static dev.podcheck.spec.trace.PodPhase.Failed;
import static dev.podcheck.spec.trace.PodPhase.Pending;
import static dev.podcheck.spec.trace.PodPhase.Running;
import static dev.podcheck.spec.trace.PodPhase.Succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The getPhase tables of pkg/kubelet/kubelet_pods_test.go (newest copy, with podHasInitialized),
 * carried over case by case; the Go case name is the display name. SEMANTICS ST-5.
 */
class PodPhaseTableTest {

    static final String NAME = "{0}";

    private static PodPhase phase(PodSpec spec, List<ContainerStatus> statuses, boolean terminal, boolean initialized) {
        return PodPhases.phase(spec, Statuses.of(statuses), terminal, initialized);
    }

    @Nested
    class RestartAlways {
        // TestPodPhaseWithRestartAlways
        static final PodSpec SPEC = pod("Always", List.of(), "containerA", "containerB");

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("waiting", List.of(), false, Pending),
                    arguments("all running", List.of(running("containerA"), running("containerB")), false, Running),
                    arguments("all stopped with restart always",
                            List.of(succeeded("containerA"), succeeded("containerB")), false, Running),
                    arguments("all succeeded with restart always, but the pod is terminal",
                            List.of(succeeded("containerA"), succeeded("containerB")), true, Succeeded),
                    arguments("all stopped with restart always, but the pod is terminal",
                            List.of(succeeded("containerA"), failed("containerB")), true, Failed),
                    arguments("mixed state #1 with restart always",
                            List.of(running("containerA"), succeeded("containerB")), false, Running),
                    arguments("mixed state #2 with restart always", List.of(running("containerA")), false, Pending),
                    arguments("mixed state #3 with restart always",
                            List.of(running("containerA"), waiting("containerB")), false, Pending),
                    arguments("backoff crashloop container with restart always",
                            List.of(running("containerA"), backOffAfterSuccess("containerB")), false, Running));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, boolean terminal, PodPhase expected) {
            assertThat(phase(SPEC, statuses, terminal, false)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartAlwaysInitContainers {
        // TestPodPhaseWithRestartAlwaysInitContainers
        static final PodSpec SPEC = pod("Always", List.of(regular("containerX")), "containerA", "containerB");

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("empty, waiting", List.of(), Pending),
                    arguments("init container running", List.of(running("containerX")), Pending),
                    arguments("init container terminated non-zero", List.of(failed("containerX")), Pending),
                    arguments("init container waiting, terminated zero", List.of(backOffAfterSuccess("containerX")), Pending),
                    arguments("init container waiting, terminated non-zero", List.of(crashLoop("containerX")), Pending),
                    arguments("init container waiting, not terminated", List.of(waiting("containerX")), Pending),
                    arguments("init container succeeded",
                            List.of(succeeded("containerX"), running("containerA"), running("containerB")), Running));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, PodPhase expected) {
            assertThat(phase(SPEC, statuses, false, false)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartAlwaysSidecars {
        // TestPodPhaseWithRestartAlwaysRestartableInitContainers
        static final PodSpec SPEC = pod("Always", List.of(sidecar("containerX")), "containerA", "containerB");

        static Stream<Arguments> cases() {
            List<ContainerStatus> bothRunning = List.of(running("containerA"), running("containerB"));
            List<ContainerStatus> bothSucceeded = List.of(succeeded("containerA"), succeeded("containerB"));
            return Stream.of(
                    arguments("empty, waiting", List.of(), false, false, Pending),
                    arguments("restartable init container running", List.of(running("containerX")), false, false, Pending),
                    arguments("restartable init container stopped", List.of(succeeded("containerX")), false, false, Pending),
                    arguments("restartable init container waiting, terminated zero",
                            List.of(backOffAfterSuccess("containerX")), false, false, Pending),
                    arguments("restartable init container waiting, terminated non-zero",
                            List.of(crashLoop("containerX")), false, false, Pending),
                    arguments("restartable init container waiting, not terminated",
                            List.of(waiting("containerX")), false, false, Pending),
                    arguments("restartable init container started, 1/2 regular container running",
                            List.of(started("containerX"), running("containerA")), false, true, Pending),
                    arguments("restartable init container started, all regular containers running",
                            with(started("containerX"), bothRunning), false, true, Running),
                    arguments("restartable init container running, all regular containers running",
                            with(running("containerX"), bothRunning), false, true, Running),
                    arguments("restartable init container stopped, all regular containers running",
                            with(succeeded("containerX"), bothRunning), false, true, Running),
                    arguments("backoff crashloop restartable init container, all regular containers running",
                            with(backOffAfterSuccess("containerX"), bothRunning), false, true, Running),
                    arguments("all regular containers succeeded and restartable init container failed with restart always,"
                            + " but the pod is terminal", with(failed("containerX"), bothSucceeded), true, true, Succeeded),
                    arguments("all regular containers succeeded and restartable init container succeeded with restart"
                            + " always, but the pod is terminal", with(succeeded("containerX"), bothSucceeded), true, true,
                            Succeeded),
                    arguments("re-initializing the pod after the sandbox is recreated",
                            with(running("containerX"), bothRunning), false, false, Pending));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, boolean terminal, boolean initialized,
                                   PodPhase expected) {
            assertThat(phase(SPEC, statuses, terminal, initialized)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartAlwaysAndPodHasRun {
        // TestPodPhaseWithRestartAlwaysAndPodHasRun
        static final PodSpec SPEC = pod("Always", List.of(regular("containerX"), sidecar("containerY")), "containerA");

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("regular init containers, restartable init container and regular container are all running",
                            List.of(running("containerX"), running("containerY"), running("containerA")), false, Pending),
                    arguments("regular containers is stopped, restartable init container and regular int container are"
                            + " both running",
                            List.of(running("containerX"), running("containerY"), succeeded("containerA")), false, Pending),
                    arguments("re-created sandbox: regular init container is succeeded, restartable init container is"
                            + " running, old regular containers is stopped",
                            List.of(succeeded("containerX"), running("containerY"), succeeded("containerA")), false, Pending),
                    arguments("regular init container is succeeded, restartable init container is running, regular"
                            + " containers is stopped",
                            List.of(succeeded("containerX"), running("containerY"), succeeded("containerA")), true, Running),
                    arguments("regular init container is succeeded, restartable init container and regular containers"
                            + " are both running",
                            List.of(succeeded("containerX"), running("containerY"), running("containerA")), true, Running));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, boolean initialized, PodPhase expected) {
            assertThat(phase(SPEC, statuses, false, initialized)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartNever {
        // TestPodPhaseWithRestartNever
        static final PodSpec SPEC = pod("Never", List.of(), "containerA", "containerB");

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("waiting", List.of(), Pending),
                    arguments("all running with restart never", List.of(running("containerA"), running("containerB")), Running),
                    arguments("all succeeded with restart never",
                            List.of(succeeded("containerA"), succeeded("containerB")), Succeeded),
                    arguments("all failed with restart never", List.of(failed("containerA"), failed("containerB")), Failed),
                    arguments("mixed state #1 with restart never",
                            List.of(running("containerA"), succeeded("containerB")), Running),
                    arguments("mixed state #2 with restart never", List.of(running("containerA")), Pending),
                    arguments("mixed state #3 with restart never", List.of(running("containerA"), waiting("containerB")),
                            Pending));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, PodPhase expected) {
            assertThat(phase(SPEC, statuses, false, false)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartNeverInitContainers {
        // TestPodPhaseWithRestartNeverInitContainers
        static final PodSpec SPEC = pod("Never", List.of(regular("containerX")), "containerA", "containerB");

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("empty, waiting", List.of(), Pending),
                    arguments("init container running", List.of(running("containerX")), Pending),
                    arguments("init container terminated non-zero", List.of(failed("containerX")), Failed),
                    arguments("init container waiting, terminated zero", List.of(backOffAfterSuccess("containerX")), Pending),
                    arguments("init container waiting, terminated non-zero", List.of(crashLoop("containerX")), Failed),
                    arguments("init container waiting, not terminated", List.of(waiting("containerX")), Pending),
                    arguments("init container succeeded",
                            List.of(succeeded("containerX"), running("containerA"), running("containerB")), Running));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, PodPhase expected) {
            assertThat(phase(SPEC, statuses, false, false)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartNeverSidecars {
        // TestPodPhaseWithRestartNeverRestartableInitContainers
        static final PodSpec SPEC = pod("Never", List.of(sidecar("containerX")), "containerA", "containerB");

        static Stream<Arguments> cases() {
            List<ContainerStatus> bothSucceeded = List.of(succeeded("containerA"), succeeded("containerB"));
            return Stream.of(
                    arguments("empty, waiting", List.of(), false, Pending),
                    arguments("restartable init container running", List.of(running("containerX")), false, Pending),
                    arguments("restartable init container stopped", List.of(succeeded("containerX")), false, Pending),
                    arguments("restartable init container waiting, terminated zero",
                            List.of(backOffAfterSuccess("containerX")), false, Pending),
                    arguments("restartable init container waiting, terminated non-zero",
                            List.of(crashLoop("containerX")), false, Pending),
                    arguments("restartable init container waiting, not terminated", List.of(waiting("containerX")), false,
                            Pending),
                    arguments("restartable init container started, one main container running",
                            List.of(started("containerX"), running("containerA")), true, Pending),
                    arguments("restartable init container started, main containers succeeded",
                            with(started("containerX"), bothSucceeded), true, Running),
                    arguments("restartable init container re-running, main containers succeeded",
                            with(running("containerX"), bothSucceeded), true, Running),
                    arguments("all containers succeeded", with(succeeded("containerX"), bothSucceeded), true, Succeeded),
                    arguments("restartable init container terminated non-zero, main containers succeeded",
                            with(failed("containerX"), bothSucceeded), true, Succeeded),
                    arguments("backoff crashloop restartable init container, main containers succeeded",
                            with(backOffAfterSuccess("containerX"), bothSucceeded), true, Succeeded),
                    arguments("backoff crashloop with non-zero restartable init container, main containers succeeded",
                            with(crashLoop("containerX"), bothSucceeded), true, Succeeded));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, boolean initialized, PodPhase expected) {
            assertThat(phase(SPEC, statuses, false, initialized)).isEqualTo(expected);
        }
    }

    @Nested
    class RestartOnFailure {
        // TestPodPhaseWithRestartOnFailure
        static final PodSpec SPEC = pod("OnFailure", List.of(), "containerA", "containerB");

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("waiting", List.of(), Pending),
                    arguments("all running with restart onfailure",
                            List.of(running("containerA"), running("containerB")), Running),
                    arguments("all succeeded with restart onfailure",
                            List.of(succeeded("containerA"), succeeded("containerB")), Succeeded),
                    // sic: the Go case name says "never"
                    arguments("all failed with restart never", List.of(failed("containerA"), failed("containerB")), Running),
                    arguments("mixed state #1 with restart onfailure",
                            List.of(running("containerA"), succeeded("containerB")), Running),
                    arguments("mixed state #2 with restart onfailure", List.of(running("containerA")), Pending),
                    arguments("mixed state #3 with restart onfailure",
                            List.of(running("containerA"), waiting("containerB")), Pending),
                    arguments("backoff crashloop container with restart onfailure",
                            List.of(running("containerA"), backOffAfterSuccess("containerB")), Running));
        }

        @ParameterizedTest(name = NAME)
        @MethodSource("cases")
        void matches_kubelet_table(String name, List<ContainerStatus> statuses, PodPhase expected) {
            assertThat(phase(SPEC, statuses, false, false)).isEqualTo(expected);
        }
    }

    private static List<ContainerStatus> with(ContainerStatus first, List<ContainerStatus> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
