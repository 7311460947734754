package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.behaviour.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run on this machine (podman, tar, busybox) with a time-out. Its output goes to files in
 * a scratch folder, not pipes: a process that hangs with its pipes open cannot then block the
 * reader past the time-out, and nothing needs a thread per stream.
 */
final class HostCommand {
    /** How long a command told to stop (SIGTERM) may take before it is killed. */
    static final Duration TERM_GRACE = Duration.ofSeconds(10);

    /** How a finished command ended. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final List<String> argv;
    private final Map<String, String> env;
    private final Path scratch;

    /**
     * @param argv    the program and its arguments
     * @param env     added to this process's environment
     * @param scratch a folder for the output files, which last as long as the command
     */
    HostCommand(List<String> argv, Map<String, String> env, Path scratch) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.scratch = scratch;
    }

    List<String> argv() {
        return argv;
    }

    /** Runs to its end, or throws once {@code timeout} has passed (the process is then killed). */
    Result run(Duration timeout) throws TargetException {
        Running running = start();
        try {
            if (!running.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TargetException(describe() + " gave no answer within " + Durations.format(timeout), null);
            }
            return running.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while waiting for " + describe(), e);
        } finally {
            running.close();
        }
    }

    /** Starts without waiting; the caller closes what it gets (which kills the process if it still runs). */
    Running start() throws TargetException {
        Path out;
        Path err;
        try {
            Files.createDirectories(scratch);
            out = Files.createTempFile(scratch, "cmd", ".out");
            err = Files.createTempFile(scratch, "cmd", ".err");
        } catch (IOException e) {
            throw new TargetException("cannot write to " + scratch + ": " + e.getMessage(), e);
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(env);
        try {
            return new Running(builder.start(), out, err);
        } catch (IOException e) {
            deleteQuietly(out);
            deleteQuietly(err);
            throw new TargetException("cannot run " + argv.get(0) + ": " + reason(e), e);
        }
    }

    /** "podman kube play": the program's name and its first words that are not options. */
    String describe() {
        String program = Path.of(argv.get(0)).getFileName().toString();
        StringBuilder words = new StringBuilder(program);
        for (String arg : argv.subList(1, Math.min(argv.size(), 3))) {
            if (arg.startsWith("-")) {
                break;
            }
            words.append(' ').append(arg);
        }
        return words.toString();
    }

    /** ProcessBuilder's "Cannot run program "x": error=2, No such file or directory" as its last part. */
    private static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        int comma = message.lastIndexOf(", ");
        return comma >= 0 ? message.substring(comma + 2) : message;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a scratch file: the state folder's next clean-up takes it
        }
    }

    /** A started command. */
    final class Running implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        boolean finished() {
            return !process.isAlive();
        }

        /** How it ended; only once {@link #finished}. */
        Result result() {
            try {
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String describe() {
            return HostCommand.this.describe();
        }

        /**
         * Stops it if it still runs: SIGTERM first, which podman answers by finishing what it holds its locks
         * for and exiting (a SIGKILL in the middle of that leaves the lock taken and every later podman call
         * on the pod waiting), SIGKILL only if it is still there after {@link #TERM_GRACE}. Its output stays
         * readable until {@link #close}.
         */
        void kill() {
            try {
                process.destroy();
                if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        /** Kills it if it still runs, and removes its output files. */
        @Override
        public void close() {
            kill();
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }
}
