package dev.podcheck.adapters.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs rendered scripts for real under Debian's busybox {@code sh}, in a temporary directory that
 * stands for the report volume. Each main script runs in a session of its own, so closing kills
 * everything it left behind (background loops, httpd, memory holders) as a container's end would.
 */
final class Busybox implements AutoCloseable {
    static final Path BINARY = Path.of("/bin/busybox");

    /** The report volume, as the scripts see it through PODCHECK_ROOT. */
    final Path root;
    private final Path dir;
    private final List<Process> started = new ArrayList<>();
    private int runs;

    private Busybox(Path dir) throws IOException {
        this.dir = dir;
        this.root = Files.createDirectories(dir.resolve("podcheck"));
    }

    /** Skips the test when busybox is missing: the scripts can only be checked by running them. */
    static Busybox in(Path dir) throws IOException {
        assumeTrue(Files.isExecutable(BINARY), "busybox is not installed at " + BINARY
                + " (Debian's busybox-static; CI installs it), so the rendered scripts cannot run here");
        return new Busybox(dir);
    }

    /**
     * The termination log of the next instance {@link #start} starts: a hook may need it before
     * the instance runs.
     */
    Path nextTerminationLog() {
        return dir.resolve("termination-log-" + runs);
    }

    /** Starts a container's main script as a new instance, with a termination log of its own. */
    Instance start(String script) throws IOException {
        Path terminationLog = nextTerminationLog();
        Path stdout = dir.resolve("stdout-" + runs++);
        Files.createFile(terminationLog);
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "setsid", BINARY.toString(), "sh", "-c", script)
                .redirectErrorStream(true)
                // Append: hooks and probes write to this process's stdout through /proc, at the end.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()));
        Process process = start(builder, terminationLog);
        return new Instance(this, process, stdout, terminationLog);
    }

    /**
     * Starts a hook or probe script without waiting for it, as if exec'd in the container whose
     * termination log is {@code terminationLog}.
     */
    Process launch(String script, Path terminationLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "setsid", BINARY.toString(), "sh", "-c", script)
                .redirectErrorStream(true);
        return start(builder, terminationLog);
    }

    private Process start(ProcessBuilder builder, Path terminationLog) throws IOException {
        // Never the default /dev/termination-log: that is this machine's /dev.
        builder.environment().put(ScriptPrelude.TERMINATION_LOG_VARIABLE, terminationLog.toString());
        builder.environment().put(ScriptPrelude.ROOT_VARIABLE, root.toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Runs a script to its end; fails the test if it takes longer than {@code limit}. */
    static Result await(Process process, Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the script did not end within " + limit);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    /** The report file the container's lines go to in the volume. */
    String reportFile(String container) throws IOException {
        Path file = root.resolve("reports").resolve(container + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Override
    public void close() throws IOException {
        for (Process p : started) {
            // Each started in its own session: its pid is the process group of all it left running.
            Process kill = new ProcessBuilder(BINARY.toString(), "kill", "-9", "-" + p.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                kill.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    record Result(int exitCode, String output) {}

    /** One running main script: a container instance. */
    record Instance(Busybox busybox, Process process, Path stdout, Path terminationLog) {
        long pid() {
            return process.pid();
        }

        /** Runs a hook or probe of this instance to its end, as the kubelet execs it in the container. */
        Result exec(String script, Duration limit) throws IOException, InterruptedException {
            return await(busybox.launch(script, terminationLog), limit);
        }

        void sigterm() {
            process.destroy(); // SIGTERM on Linux
        }

        void sigkill() {
            process.destroyForcibly();
        }

        /** The exit code, failing the test if the instance is still running after {@code limit}. */
        int awaitExit(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the instance was still running after " + limit);
            }
            return process.exitValue();
        }

        boolean runsAfter(Duration wait) throws InterruptedException {
            return !process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        String output() throws IOException {
            return Files.readString(stdout);
        }

        String terminationMessage() throws IOException {
            return Files.readString(terminationLog);
        }
    }
}
