package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podcheck.cli.Podcheck;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code podcheck run --target podman} with pods running: the trials finished so far are
 * reported, whole, and every pod of the run is removed, and no podman call of it left running, before the
 * JVM exits 143. Skipped, saying why, where
 * podman does not run or there is no static busybox to make the image from.
 */
@Tag("podman")
class PodmanInterruptTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void should_leave_whole_reports_and_no_pod_of_the_run_after_sigterm() throws Exception {
        assumeTrue(Files.isRegularFile(BusyboxImage.BUSYBOX), "no " + BusyboxImage.BUSYBOX + " to make the image from");
        assumeTrue(podman("version").exit() == 0, "podman does not run here");
        Path state = dir.resolve("state");
        Path reports = dir.resolve("reports");
        // Pods carry their state folder's id: this run's pods, whatever other runs share the machine's podman.
        String label = "label=podcheck.dev/state=" + new StateDir(state).id();
        Path out = dir.resolve("out.txt");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Podcheck.class.getName(), "run", "--target", "podman",
                "--state-dir", state.toString(), "--trials", "4", "--parallel", "2", "--horizon", "5m", "--seed", "1",
                "--report-dir", reports.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            // A play of the run under way, seen in the process table: 'podman pod ps' would wait for the lock a
            // play holds while it runs a pod's init containers, and a time-out there would fail the test.
            await("a pod of the run being played before SIGTERM").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the run ended before any pod was played: " + out, () -> !run.isAlive())
                    .until(() -> !plays(state).isEmpty());

            new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).start().waitFor();

            assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(run.exitValue()).as(Files.readString(out)).isEqualTo(143);
            assertThat(strays(state)).as("podman calls of the run outliving it").isEmpty();
            assertThat(podsOf(label)).as(Files.readString(out)).isEmpty();
            assertThat(Files.readString(reports.resolve("podcheck-report.json"))).containsPattern("\"interrupted\"\\s*:\\s*true");
            assertThat(Files.readString(reports.resolve("podcheck-report.xml"))).containsPattern("</testsuite>\\s*$");
            assertThat(reports.toFile().list()).allMatch(name -> name.startsWith("podcheck-report."));
        } finally {
            run.destroyForcibly();
            strays(state).forEach(ProcessHandle::destroyForcibly);
            // A failed check kills the run outright (no hook): its pods are removed here, not left on the machine.
            for (String pod : podsOf(label)) {
                podman("pod", "rm", "-f", pod);
            }
        }
    }

    private record Answer(int exit, String out) {}

    /**
     * A podman call, killed when it has not answered within a minute: a pod whose lock a stray play holds
     * makes podman wait for ever, and the test must then fail saying so, not hang the build.
     */
    private static Answer podman(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.PIPE).start();
        } catch (IOException e) {
            return new Answer(-1, e.getMessage());
        }
        CompletableFuture<byte[]> text = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("'" + String.join(" ", command) + "' gave no answer within 60 s");
        }
        return new Answer(p.exitValue(), new String(text.join(), StandardCharsets.UTF_8));
    }

    /** The run's kube plays running now (each names its manifest in the run's state folder). */
    private static List<ProcessHandle> plays(Path state) {
        return strays(state).stream()
                .filter(p -> p.info().commandLine().filter(line -> line.contains(" kube play ")).isPresent()).toList();
    }

    /** Processes left running that name the run's state folder (its kube plays name their manifest there). */
    private static List<ProcessHandle> strays(Path state) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().filter(line -> line.contains(state.toString())).isPresent())
                .toList();
    }

    private static List<String> podsOf(String label) throws IOException, InterruptedException {
        return podman("pod", "ps", "-q", "--filter", label).out().lines().filter(l -> !l.isBlank()).toList();
    }
}
