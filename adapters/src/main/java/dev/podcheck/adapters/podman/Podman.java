package dev.podcheck.adapters.podman;

import dev.podcheck.conformance.api.Target.TargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The podman command line as the target calls it: every call reads the target's private
 * containers.conf (CONTAINERS_CONF; the machine's own configuration is never touched), has a
 * time-out, and a failure becomes one line naming the call and what podman said.
 */
final class Podman {
    /** Time-out of a call that only reads or changes podman's database (inspect, rm of a stopped pod, ps). */
    static final Duration QUICK = Duration.ofSeconds(60);
    /** The longest a message quotes of podman's standard error. */
    private static final int GIST_LIMIT = 300;
    /** logrus' lines: time="..." level=error msg="...". */
    private static final Pattern LOGRUS = Pattern.compile("level=(\\w+) msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String binary;
    private final Path containersConf;
    private final Path scratch;

    /**
     * @param binary         podman's path, or a name looked up on PATH
     * @param containersConf the configuration every call reads instead of the machine's
     * @param scratch        where calls keep their output while they run
     */
    Podman(String binary, Path containersConf, Path scratch) {
        this.binary = binary;
        this.containersConf = containersConf;
        this.scratch = scratch;
    }

    String binary() {
        return binary;
    }

    /** A podman call with these arguments, not yet started. */
    HostCommand command(String... args) {
        List<String> argv = new ArrayList<>(List.of(binary));
        argv.addAll(List.of(args));
        return new HostCommand(argv, Map.of("CONTAINERS_CONF", containersConf.toString()), scratch);
    }

    /** Runs a call that must succeed and returns what it printed. */
    String run(Duration timeout, String... args) throws TargetException {
        HostCommand command = command(args);
        HostCommand.Result result = command.run(timeout);
        if (!result.ok()) {
            throw failed(command.describe(), result);
        }
        return result.stdout();
    }

    /** Runs a call whose exit code the caller reads (inspect prints what it found and fails on the rest). */
    HostCommand.Result call(Duration timeout, String... args) throws TargetException {
        return command(args).run(timeout);
    }

    /** Checks that podman runs at all, before any trial: a clear message instead of a failed first trial. */
    String version() throws TargetException {
        HostCommand command = command("version", "--format", "{{.Client.Version}}");
        HostCommand.Result result;
        try {
            result = command.run(QUICK);
        } catch (TargetException e) {
            throw new TargetException(e.getMessage() + "; install podman, or name its binary with --podman PATH", e);
        }
        if (!result.ok()) {
            throw new TargetException("podman does not run here: " + gist(result), null);
        }
        return result.stdout().strip();
    }

    static TargetException failed(String what, HostCommand.Result result) {
        return new TargetException(what + " failed (exit " + result.exitCode() + "): " + gist(result), null);
    }

    /** What a failed call said, in one line: its error lines, without podman's and logrus' decorations. */
    static String gist(HostCommand.Result result) {
        Set<String> errors = new LinkedHashSet<>();
        String last = "";
        for (String raw : result.stderr().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher logrus = LOGRUS.matcher(line);
            if (logrus.find()) {
                line = logrus.group(2).replace("\\\"", "\"");
                if (logrus.group(1).equals("error") || logrus.group(1).equals("fatal")) {
                    errors.add(line);
                }
            } else if (line.startsWith("Error: ")) {
                errors.add(line.substring("Error: ".length()));
            }
            last = line;
        }
        String gist = errors.isEmpty() ? last : String.join("; ", errors);
        if (gist.isEmpty()) {
            gist = "no message";
        }
        return gist.length() <= GIST_LIMIT ? gist : gist.substring(0, GIST_LIMIT - 3) + "...";
    }
}
