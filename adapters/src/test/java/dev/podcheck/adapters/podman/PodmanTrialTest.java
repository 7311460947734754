package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One trial against {@link FakePodman}: what the trial asks podman, and how it fails when podman does. */
class PodmanTrialTest {
    private static final String POD = "web-run12345-1";
    /**
     * The horizon of a trial whose fake podman ends it by recording the pod's removal once it has played its
     * part: the trial ends at that record, so a slow machine (a shell taking a second to start) makes it
     * longer, not different. Only a broken fake reaches this horizon.
     */
    private static final Duration UNTIL_REMOVED = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private StateDir state;
    private PodmanRun run;

    private PodmanTrial trial(FakePodman fake, Duration trialTimeout) throws Exception {
        state = new StateDir(dir.resolve("state")).prepare();
        Podman podman = new Podman(fake.install().toString(), state.containersConf(), state.scratch());
        run = PodmanRun.of(podman, state, "localhost/podcheck-busybox:1.35.0", "run12345", trialTimeout);
        return new PodmanTrial(run, POD);
    }

    private static Scenario scenario(String deletion) {
        return Defaulting.apply(ScenarioReader.readOne("test", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - deletePod: %s
                spec:
                  terminationGracePeriodSeconds: 7
                  containers:
                  - {name: app, image: busybox:1.36}
                """.formatted(deletion)));
    }

    /** play creates and starts the app and writes its start report, as podman and the container would. */
    private static final String PLAY = """
            cp "$LAST" "$(dirname "$LAST")/played.yaml"
            event container create "$POD-app"; event container start "$POD-app"
            mkdir -p "$(dirname "$LAST")/$POD/reports"
            echo "$(date +%s)000 app 0 start" >> "$(dirname "$LAST")/$POD/reports/app.log"
            """;

    @Nested
    class Running {
        @Test
        void should_play_the_manifest_with_no_network_and_remove_the_pod_and_its_files_at_the_end() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", PLAY + "event pod remove \"$POD\"");

            Trace trace = trial(fake, Duration.ofSeconds(60)).run(scenario("{at: 1h}"), UNTIL_REMOVED);

            assertThat(fake.calls()).containsExactly(
                    "kube play --network none --quiet " + state.manifest(POD),
                    "pod rm --force --ignore -t 0 " + POD);
            assertThat(Files.readString(state.root().resolve("trials/played.yaml")))
                    .contains("name: " + POD, "podcheck.dev/run: run12345", "path: " + state.trialDir(POD));
            assertThat(state.trialDir(POD)).doesNotExist();
            assertThat(state.manifest(POD)).doesNotExist();
            assertThat(trace.all(TraceEvent.ContainerStatusChanged.class).map(e -> e.status().state()))
                    .last().isInstanceOf(ContainerState.Running.class);
            assertThat(run.starts().availablePermits()).isEqualTo(PodmanRun.STARTS);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{at: 0s, gracePeriodSeconds: 2}| pod stop --ignore -t 2 | 2",
                "{at: 0s, force: true}          | pod stop --ignore -t 0 | 0",
                "{at: 0s}                       | pod stop --ignore      | 7"})
        void should_stop_with_the_deletions_grace_else_podmans_own(String deletion, String stop, long recorded)
                throws Exception {
            // The deletion is sent at 0 s, maybe before the play has recorded anything: the stop waits for the
            // play to have played its part, and its return ends the trial (podman's remove is never logged).
            Path played = dir.resolve("played");
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", PLAY + "touch '" + played + "'")
                    .on("pod stop", "until [ -e '" + played + "' ]; do sleep 0.05; done; event container died \"$POD-app\" 0");

            Trace trace = trial(fake, Duration.ofSeconds(60)).run(scenario(deletion), UNTIL_REMOVED);

            assertThat(fake.calls()).contains(stop + " " + POD, "pod rm --force --ignore -t 0 " + POD);
            assertThat(fake.calls().indexOf(stop + " " + POD))
                    .isLessThan(fake.calls().indexOf("pod rm --force --ignore -t 0 " + POD));
            assertThat(trace.all(TraceEvent.DeletionRequested.class).map(TraceEvent.DeletionRequested::gracePeriodSeconds))
                    .containsExactly(recorded);
            assertThat(trace.events()).as("gone when the stop returns, after the exit it logged")
                    .last().isInstanceOf(TraceEvent.PodRemoved.class);
            assertThat(trace.all(TraceEvent.ContainerStatusChanged.class).map(e -> e.status().state()))
                    .last().isInstanceOf(ContainerState.Terminated.class);
        }

        @Test
        void should_take_each_event_once_when_podman_rotates_its_log_during_the_trial() throws Exception {
            // The app dies and podman restarts it; then the log is rewritten (a new file, as podman's
            // rotation makes) holding the events the trial has already read.
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", """
                    event container create "$POD-app"; event container start "$POD-app"
                    (sleep 0.3; event container died "$POD-app" 1; event container restart "$POD-app"
                     event container start "$POD-app"
                     sleep 0.6; cp "$EVENTS" "$EVENTS.new"; mv "$EVENTS.new" "$EVENTS"
                     event system log-rotation "$EVENTS"; event pod remove "$POD") >/dev/null 2>&1 &
                    """);

            // The pod's removal, last, ends the trial: however slow the machine, the trial has read all before it.
            Trace trace = trial(fake, Duration.ofSeconds(60)).run(scenario("{at: 1h}"), UNTIL_REMOVED);

            assertThat(trace.all(TraceEvent.ContainerStatusChanged.class).map(TraceEvent.ContainerStatusChanged::status))
                    .extracting(s -> s.state().getClass().getSimpleName(), ContainerStatus::restartCount)
                    .containsExactly(tuple("Waiting", 0), tuple("Running", 0), tuple("Terminated", 0),
                            tuple("Running", 1));
        }

        @Test
        void should_never_let_an_event_logged_late_undo_the_snapshot_before_it() throws Exception {
            // side's death is logged first but stamped a second later than app's, as two podman
            // processes may stamp and append in opposite orders.
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", """
                    T=$(date +%s)
                    at() { printf '{"Name":"%s","Status":"%s","Time":"%s","Type":"container"}\\n' "$POD-$1" "$2" \\
                      "$(date -u -d "@$((T + $3))" +%Y-%m-%dT%H:%M:%SZ)" >> "$EVENTS"; }
                    at app create 0; at side create 0; at app start 0; at side start 0
                    (sleep 0.3; at side died 1; at app died 0
                     printf '{"Name":"%s","Status":"remove","Time":"%s","Type":"pod"}\\n' "$POD" \
                       "$(date -u -d "@$((T + 2))" +%Y-%m-%dT%H:%M:%SZ)" >> "$EVENTS") >/dev/null 2>&1 &
                    """);
            Scenario twoContainers = Defaulting.apply(ScenarioReader.readOne("test", """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: web}
                    spec:
                      containers:
                      - {name: app, image: busybox:1.36}
                      - {name: side, image: busybox:1.36}
                    """));

            Trace trace = trial(fake, Duration.ofSeconds(60)).run(twoContainers, UNTIL_REMOVED);

            assertThat(trace.all(TraceEvent.ContainerStatusChanged.class).map(TraceEvent.ContainerStatusChanged::status)
                    .filter(s -> s.name().equals("app")).map(s -> s.state().getClass().getSimpleName()))
                    .containsExactly("Waiting", "Running", "Terminated");
        }
    }

    @Nested
    class Inconclusive {
        @Test
        void should_fail_the_trial_when_podman_refuses_the_pod() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", """
                    echo 'Error: cannot create an init container that has either of lifecycle, livenessProbe, \
                    readinessProbe, or startupProbe set' >&2; exit 125""");
            PodmanTrial trial = trial(fake, Duration.ofSeconds(60));

            assertThatThrownBy(() -> trial.run(scenario("{at: 1h}"), Duration.ofSeconds(30)))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("podman kube play did not start pod " + POD + ": cannot create an init container that"
                            + " has either of lifecycle, livenessProbe, readinessProbe, or startupProbe set");
            assertThat(fake.calls()).last().isEqualTo("pod rm --force --ignore -t 0 " + POD);
            assertThat(state.trialDir(POD)).doesNotExist();
            assertThat(run.starts().availablePermits()).as("the next pod may start").isEqualTo(PodmanRun.STARTS);
        }

        @Test
        void should_fail_the_trial_when_no_container_starts_in_time() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play",
                    "event container create \"$POD-app\"; exec sleep 30");
            // The time-out must leave the fake's shell time to record the creation, or the trial rightly says
            // podman recorded nothing: at load 30 on 2 cores the shell took over 300 ms to get there.
            PodmanTrial trial = trial(fake, Duration.ofSeconds(3));

            assertThatThrownBy(() -> trial.run(scenario("{at: 1h}"), Duration.ofSeconds(30)))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("no container of pod " + POD + " started within 3s (--trial-timeout)");
            assertThat(fake.calls()).last().isEqualTo("pod rm --force --ignore -t 0 " + POD);
            assertThat(run.starts().availablePermits()).isEqualTo(PodmanRun.STARTS);
        }

        @Test
        void should_point_at_the_events_log_when_podman_records_nothing_there() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", "exec sleep 30");
            PodmanTrial trial = trial(fake, Duration.ofMillis(300));

            assertThatThrownBy(() -> trial.run(scenario("{at: 1h}"), Duration.ofSeconds(30)))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("podman recorded nothing of pod " + POD + " in its events log " + state.eventsLog()
                            + " within 300ms (--trial-timeout): does it honour events_logfile_path in "
                            + state.containersConf() + "?");
        }

        @Test
        void should_observe_a_pod_whose_play_fails_after_it_started_a_container() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("kube play", """
                    event container create "$POD-app"; event container start "$POD-app"
                    event container died "$POD-app" 1; event pod remove "$POD"
                    echo 'Error: init container 974fb815deb6 exited with code 1' >&2; exit 125""");

            Trace trace = trial(fake, Duration.ofSeconds(60)).run(scenario("{at: 1h}"), UNTIL_REMOVED);

            assertThat(trace.all(TraceEvent.ContainerStatusChanged.class).map(e -> e.status().state()))
                    .last().isInstanceOfSatisfying(ContainerState.Terminated.class, t -> assertThat(t.exitCode()).isOne());
        }
    }
}
