package dev.podcheck.adapters.render;

import static dev.podcheck.adapters.render.MainScriptTest.LIMIT;
import static dev.podcheck.adapters.render.MainScriptTest.awaitStart;
import static dev.podcheck.adapters.render.MainScriptTest.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec hooks of a rendered container, run for real beside its main script. */
class HookScriptTest {
    static final String POST_START = "lifecycle: {postStart: {exec: {command: [cat, /tmp/x]}}}";
    static final String PRE_STOP = "lifecycle: {preStop: {httpGet: {path: /stop, port: 8080}}}";

    @TempDir
    Path tmp;

    @Test
    void should_take_its_time_and_report_start_and_end_into_the_container_log() throws Exception {
        RenderedPod pod = TestPods.app("{postStart: {takes: 150ms}}", POST_START);
        try (Busybox sh = Busybox.in(tmp)) {
            Busybox.Instance app = sh.start(TestPods.main(pod));

            Busybox.Result hook = app.exec(TestPods.hook(pod, Hook.postStart), LIMIT);

            assertThat(hook.exitCode()).isZero();
            assertThat(hook.output()).isEmpty();
            assertThat(events(app.output())).containsExactly(
                    "app 0 start", "app 0 hook-start postStart", "app 0 hook-end postStart ok");
            assertThat(MainScriptTest.millisBetween(app.output(), 1, 2)).isGreaterThanOrEqualTo(150);
            assertThat(app.terminationMessage()).isEqualTo(app.output());
            assertThat(sh.reportFile("app")).isEqualTo(app.output());
        }
    }

    @Test
    void should_fail_with_exit_1_when_the_behaviour_says_so_whatever_the_handler_was() throws Exception {
        // GIVEN a preStop that was an httpGet in the spec
        RenderedPod pod = TestPods.app("{preStop: {takes: 0s, fails: true}}", PRE_STOP);
        try (Busybox sh = Busybox.in(tmp)) {
            Busybox.Instance app = sh.start(TestPods.main(pod));
            awaitStart(app);

            Busybox.Result hook = app.exec(TestPods.hook(pod, Hook.preStop), LIMIT);

            assertThat(hook.exitCode()).isEqualTo(1);
            assertThat(events(app.output())).containsExactly(
                    "app 0 start", "app 0 hook-start preStop", "app 0 hook-end preStop fail");
        }
    }

    @Test
    void should_start_when_the_behaviour_starts_not_when_the_process_does() throws Exception {
        // GIVEN a process whose behaviour starts 300 ms after it runs, and a postStart run at once
        RenderedPod pod = TestPods.app("{startAfter: 300ms, postStart: {takes: 0s}}", POST_START);
        try (Busybox sh = Busybox.in(tmp)) {
            long launched = System.currentTimeMillis();
            Busybox.Instance app = sh.start(TestPods.main(pod));

            assertThat(app.exec(TestPods.hook(pod, Hook.postStart), LIMIT).exitCode()).isZero();

            List<ContainerReport> reports = ContainerReport.parseAll(app.output());
            assertThat(events(app.output())).containsExactly(
                    "app 0 start", "app 0 hook-start postStart", "app 0 hook-end postStart ok");
            assertThat(reports.get(1).epochMillis()).isGreaterThanOrEqualTo(reports.get(0).epochMillis());
            assertThat(reports.get(1).epochMillis() - launched).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void should_wait_for_its_own_instance_rather_than_trust_the_record_of_an_earlier_one() throws Exception {
        // GIVEN instance 0 has run and exited; its preStop would fail, instance 1's passes
        RenderedPod pod = TestPods.app(
                "[{times: 1, exit: {after: 0s, code: 1}, preStop: {takes: 0s, fails: true}}, {preStop: {takes: 0s}}]",
                PRE_STOP);
        try (Busybox sh = Busybox.in(tmp)) {
            sh.start(TestPods.main(pod)).awaitExit(LIMIT);
            // AND its record names a pid that runs again, as pid 1 does in the next instance of a
            // container, but a process that started at another time
            Files.writeString(sh.root.resolve("state/app/started"), "0 " + ProcessHandle.current().pid() + " 1\n");

            // WHEN the hook starts before instance 1 does
            Process hook = sh.launch(TestPods.hook(pod, Hook.preStop), sh.nextTerminationLog());
            Busybox.Instance second = sh.start(TestPods.main(pod));

            // THEN it acts instance 1's behaviour and reports to instance 1's log
            assertThat(Busybox.await(hook, LIMIT).exitCode()).isZero();
            Poll.until(LIMIT, "the hook's end is in the log", () -> events(second.output()).size() == 3);
            assertThat(events(second.output())).containsExactly(
                    "app 1 start", "app 1 hook-start preStop", "app 1 hook-end preStop ok");
            assertThat(second.terminationMessage()).isEqualTo(second.output());
        }
    }
}
