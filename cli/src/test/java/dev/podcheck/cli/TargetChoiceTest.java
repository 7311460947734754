package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.EngineTargetProvider;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --target}: the provider named on the command line gets its own options, is opened, used and closed. */
class TargetChoiceTest {

    /** A provider with one option of its own, recording what the verbs did with it. */
    static final class FakeProvider implements TargetProvider {
        String zone = "none";
        final List<String> calls = new CopyOnWriteArrayList<>();
        boolean unreachable;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String description() {
            return "a recording stand-in";
        }

        @Override
        public List<TargetOption> options() {
            return List.of(TargetOption.valued("--zone", "ZONE", null, "Where the stand-in runs.", v -> zone = v));
        }

        @Override
        public Duration defaultHorizon() {
            return Duration.ofSeconds(7);
        }

        @Override
        public Target open() throws Target.TargetException {
            if (unreachable) {
                throw new Target.TargetException("cluster at https://10.0.0.1:6443 is unreachable (connection refused)", null);
            }
            calls.add("open " + zone);
            EngineTarget engine = new EngineTarget();
            return new Target() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public Set<Observation> observations() {
                    return engine.observations();
                }

                @Override
                public Duration tolerance() {
                    return Duration.ZERO;
                }

                @Override
                public Trace run(Scenario defaulted, Duration horizon) {
                    calls.add("run " + horizon.toSeconds() + "s");
                    return engine.run(defaulted, horizon);
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        }

        @Override
        public List<String> clean() {
            return List.of("namespace/podcheck-old (" + zone + ")");
        }

        @Override
        public String render(Scenario defaulted) {
            return "kind: Pod # rendered " + defaulted.pod().metadata().name() + "\n";
        }
    }

    record Run(int exit, String out, String err) {}

    final FakeProvider fake = new FakeProvider();

    Run podcheck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Podcheck.execute(CommandLine.defaultFactory(), new Targets(List.of(new EngineTargetProvider(), fake)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void should_open_the_named_target_with_its_own_options_run_it_with_its_default_horizon_and_close_it() {
        Run run = podcheck("run", "--target", "fake", "--zone", "eu", "--trials", "3", "--seed", "5",
                "--report-dir", dir.toString(), "--parallel", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(fake.calls).containsExactly("open eu", "run 7s", "run 7s", "run 7s", "close");
    }

    @Test
    void should_prefer_an_explicit_horizon_over_the_targets_default() {
        Run run = podcheck("run", "--target=fake", "--trials", "1", "--horizon", "20s", "--report-dir", dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(fake.calls).contains("run 20s");
    }

    @Test
    void should_name_the_targets_there_are_when_the_target_is_unknown() {
        Run run = podcheck("run", "--target", "k8s", "--trials", "1", "--report-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no target is called \"k8s\"").contains("engine, fake");
    }

    @Test
    void should_not_accept_a_targets_option_for_another_target() {
        Run run = podcheck("run", "--zone", "eu", "--trials", "1", "--report-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'--zone'").contains("(--zone is an option of --target fake)");
        assertThat(fake.calls).isEmpty();
    }

    @Test
    void should_exit_5_with_the_cause_and_no_stack_trace_when_the_target_cannot_be_opened() {
        fake.unreachable = true;

        Run run = podcheck("run", "--target", "fake", "--trials", "1", "--report-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.TARGET_UNAVAILABLE);
        assertThat(run.err()).contains("target fake cannot be used: cluster at https://10.0.0.1:6443 is unreachable")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("junit.xml")).doesNotExist();
    }

    @Test
    void should_render_each_admitted_scenario_through_the_target() throws IOException {
        Path file = Files.writeString(dir.resolve("two.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: one}
                spec:
                  containers: [{name: app, image: busybox}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: two}
                spec:
                  containers: [{name: app, image: busybox}]
                """);

        Run run = podcheck("render", "--target", "fake", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("kind: Pod # rendered one\n---\nkind: Pod # rendered two\n");
    }

    @Test
    void should_refuse_to_render_for_the_engine_which_runs_scenarios_as_written() throws IOException {
        Path file = Files.writeString(dir.resolve("one.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: one}
                spec:
                  containers: [{name: app, image: busybox}]
                """);

        Run run = podcheck("render", "--target", "engine", file.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.TARGET_UNAVAILABLE);
        assertThat(run.err()).contains("runs scenarios as written");
    }

    @Test
    void should_list_the_targets_it_was_given() {
        Run run = podcheck("targets");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("engine       the embedded reference engine, in virtual time (the default)\n"
                + "fake         a recording stand-in\n");
    }

    @Test
    void should_list_what_clean_removed() {
        Run run = podcheck("clean", "--target", "fake", "--zone", "us");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("removed namespace/podcheck-old (us)").contains("1 removed from fake");
    }
}
