package dev.podcheck.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.report.ContainerReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main script of a rendered container, run for real under busybox sh: its reports, its exit
 * codes, its instance counter and its SIGTERM handling follow the behaviour. Behaviours here are
 * tens to hundreds of milliseconds long; checks on time are lower bounds, which a slow machine
 * cannot break.
 */
class MainScriptTest {
    /**
     * How long a wait for a condition may take before the script counts as broken. Waits return as soon as their
     * condition holds (milliseconds on a quiet machine), so the bound only matters for a failing script; it is wide
     * so that two busy cores cannot overrun it.
     */
    static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** Each report as "container instance kind [detail]", without its time. */
    static List<String> events(String text) {
        return ContainerReport.parseAll(text).stream()
                .map(r -> (r.container() + " " + r.instance() + " " + r.kind().word() + " " + r.detail()).strip())
                .toList();
    }

    static long millisBetween(String text, int from, int to) {
        List<ContainerReport> reports = ContainerReport.parseAll(text);
        return reports.get(to).epochMillis() - reports.get(from).epochMillis();
    }

    static void awaitStart(Busybox.Instance instance) throws Exception {
        Poll.until(LIMIT, "the instance reports its start", () -> events(instance.output()).stream()
                .anyMatch(e -> e.endsWith(" start")));
    }

    @Nested
    class Exit {
        @Test
        void should_exit_with_the_code_after_the_time_and_report_start_and_exit_everywhere() throws Exception {
            // GIVEN an instance that exits with 3 after 100 ms
            RenderedPod pod = TestPods.app("{exit: {after: 100ms, code: 3}}");
            try (Busybox sh = Busybox.in(tmp)) {
                // WHEN it runs
                Busybox.Instance app = sh.start(TestPods.main(pod));

                // THEN it exits with 3, having printed nothing but its two reports
                assertThat(app.awaitExit(LIMIT)).isEqualTo(3);
                assertThat(events(app.output())).containsExactly("app 0 start", "app 0 exit 3");
                assertThat(millisBetween(app.output(), 0, 1)).isGreaterThanOrEqualTo(100);
                // AND the same lines are in the volume's report file and the termination log
                assertThat(sh.reportFile("app")).isEqualTo(app.output());
                assertThat(app.terminationMessage()).isEqualTo(app.output());
            }
        }

        @Test
        void should_time_stamp_in_epoch_milliseconds() throws Exception {
            RenderedPod pod = TestPods.app("{exit: {after: 50ms, code: 0}}");
            try (Busybox sh = Busybox.in(tmp)) {
                long before = System.currentTimeMillis();
                Busybox.Instance app = sh.start(TestPods.main(pod));
                app.awaitExit(LIMIT);
                long after = System.currentTimeMillis();

                // Whole seconds (date +%s) would fall before the start of the run, most of the time.
                assertThat(ContainerReport.parseAll(app.output()))
                        .allSatisfy(r -> assertThat(r.epochMillis()).isBetween(before, after));
            }
        }

        @Test
        void should_fall_back_to_whole_seconds_in_a_shell_without_EPOCHREALTIME() throws Exception {
            // GIVEN the prelude in a shell where EPOCHREALTIME is an ordinary, unset variable
            String script = "unset EPOCHREALTIME\n" + ScriptPrelude.common(TestPods.container(TestPods.app("{}"), "app"))
                    + "stamp; echo $T\n";
            try (Busybox sh = Busybox.in(tmp)) {
                long before = System.currentTimeMillis();
                Busybox.Result result = Busybox.await(sh.launch(script, tmp.resolve("termination-log")), LIMIT);

                long stamp = Long.parseLong(result.output().strip());
                assertThat(stamp % 1000).isZero();
                assertThat(stamp).isBetween(before - 1000, System.currentTimeMillis());
            }
        }
    }

    @Nested
    class InstanceCounter {
        @Test
        void should_follow_entry_N_for_instance_N_across_restarts() throws Exception {
            // GIVEN two instances that fail with 1, then every later one fails with 2
            RenderedPod pod = TestPods.app("[{times: 2, exit: {after: 0s, code: 1}}, {exit: {after: 0s, code: 2}}]");
            try (Busybox sh = Busybox.in(tmp)) {
                // WHEN the container runs three times on the same volume
                Busybox.Instance first = sh.start(TestPods.main(pod));
                int firstCode = first.awaitExit(LIMIT);
                Busybox.Instance second = sh.start(TestPods.main(pod));
                int secondCode = second.awaitExit(LIMIT);
                Busybox.Instance third = sh.start(TestPods.main(pod));
                int thirdCode = third.awaitExit(LIMIT);

                // THEN each knows its instance number and acts its entry
                assertThat(List.of(firstCode, secondCode, thirdCode)).containsExactly(1, 1, 2);
                assertThat(events(third.output())).containsExactly("app 2 start", "app 2 exit 2");
                // AND the volume's report file keeps every instance, each termination log its own
                assertThat(events(sh.reportFile("app"))).containsExactly(
                        "app 0 start", "app 0 exit 1", "app 1 start", "app 1 exit 1", "app 2 start", "app 2 exit 2");
                assertThat(events(second.terminationMessage())).containsExactly("app 1 start", "app 1 exit 1");
            }
        }
    }

    @Nested
    class Sigterm {
        @Test
        void should_exit_at_once_with_143_by_default() throws Exception {
            RenderedPod pod = TestPods.app("{}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                app.sigterm();

                assertThat(app.awaitExit(LIMIT)).isEqualTo(143);
                assertThat(events(app.output())).containsExactly("app 0 start", "app 0 sigterm", "app 0 exit 143 sigterm");
            }
        }

        @Test
        void should_exit_with_its_code_after_its_delay() throws Exception {
            RenderedPod pod = TestPods.app("{onSigterm: {exitAfter: 200ms, code: 0}}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                app.sigterm();

                assertThat(app.awaitExit(LIMIT)).isZero();
                assertThat(events(app.output())).containsExactly("app 0 start", "app 0 sigterm", "app 0 exit 0 sigterm");
                assertThat(millisBetween(app.output(), 1, 2)).isGreaterThanOrEqualTo(200);
            }
        }

        @Test
        void should_exit_by_itself_when_that_comes_before_the_SIGTERM_exit() throws Exception {
            RenderedPod pod = TestPods.app("{exit: {after: 300ms, code: 5}, onSigterm: {exitAfter: 10s, code: 0}}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                app.sigterm();

                assertThat(app.awaitExit(LIMIT)).isEqualTo(5);
                assertThat(events(app.output())).containsExactly("app 0 start", "app 0 sigterm", "app 0 exit 5");
                assertThat(millisBetween(app.output(), 0, 2)).isGreaterThanOrEqualTo(300);
            }
        }

        @Test
        void should_report_and_run_on_when_it_ignores_SIGTERM() throws Exception {
            RenderedPod pod = TestPods.app("{exit: {after: 300ms, code: 4}, onSigterm: ignore}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                app.sigterm();
                Poll.until(LIMIT, "the SIGTERM is reported", () -> events(app.output()).contains("app 0 sigterm"));
                app.sigterm();

                // It runs to its own exit, each SIGTERM reported.
                assertThat(app.awaitExit(LIMIT)).isEqualTo(4);
                assertThat(events(app.output()))
                        .containsExactly("app 0 start", "app 0 sigterm", "app 0 sigterm", "app 0 exit 4");
                assertThat(millisBetween(app.output(), 0, 3)).isGreaterThanOrEqualTo(300);
            }
        }

        @Test
        void should_only_die_of_SIGKILL_when_it_ignores_SIGTERM() throws Exception {
            RenderedPod pod = TestPods.app("{onSigterm: ignore}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                app.sigterm();
                Poll.until(LIMIT, "the SIGTERM is reported", () -> events(app.output()).contains("app 0 sigterm"));
                assertThat(app.runsAfter(Duration.ofMillis(300))).isTrue();
                app.sigkill();

                assertThat(app.awaitExit(LIMIT)).isEqualTo(137);
                assertThat(events(app.output())).containsExactly("app 0 start", "app 0 sigterm");
                assertThat(events(app.terminationMessage())).containsExactly("app 0 start", "app 0 sigterm");
            }
        }
    }

    @Nested
    class StartAfter {
        @Test
        void should_start_the_behaviour_after_startAfter() throws Exception {
            RenderedPod pod = TestPods.app("{startAfter: 200ms, exit: {after: 0s, code: 0}}");
            try (Busybox sh = Busybox.in(tmp)) {
                long launched = System.currentTimeMillis();
                Busybox.Instance app = sh.start(TestPods.main(pod));

                assertThat(app.awaitExit(LIMIT)).isZero();
                assertThat(ContainerReport.parseAll(app.output()).get(0).epochMillis() - launched)
                        .isGreaterThanOrEqualTo(200);
            }
        }

        @Test
        void should_end_with_143_and_no_report_on_SIGTERM_before_the_behaviour_starts() throws Exception {
            RenderedPod pod = TestPods.app("{startAfter: 10s, onSigterm: {exitAfter: 0s, code: 0}}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                Poll.until(LIMIT, "the instance counts itself", () -> sh.root.resolve("state/app/self").toFile().exists());

                app.sigterm();

                assertThat(app.awaitExit(LIMIT)).isEqualTo(143);
                assertThat(app.output()).isEmpty();
            }
        }
    }
}
