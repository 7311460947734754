package dev.podcheck.cli;

import dev.podcheck.spec.yaml.InputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The files a verb reads, kubectl's way: as arguments or with {@code -f FILE} (repeatable), and
 * {@code -} for standard input.
 */
final class InputFiles {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "A scenario file (YAML or JSON, many documents allowed); - reads standard input.")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", description = "The same as FILE, as kubectl writes it; repeatable; - reads standard input.")
    List<String> filenames = new ArrayList<>();

    /** What was named, in order ({@code -f} first); a usage error when nothing was, or standard input twice. */
    List<String> named(CommandLine cli) {
        List<String> all = new ArrayList<>(filenames);
        all.addAll(arguments);
        if (all.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "no input: name a FILE, or -f FILE, or - for standard input");
        }
        if (all.stream().filter("-"::equals).count() > 1) {
            throw new CommandLine.ParameterException(cli, "- (standard input) can be read only once");
        }
        return all;
    }

    /** The one input of a verb that reads one; a usage error otherwise. */
    String one(CommandLine cli) {
        List<String> all = named(cli);
        if (all.size() > 1) {
            throw new CommandLine.ParameterException(cli, "expected one FILE, got " + all.size() + ": " + String.join(" ", all));
        }
        return all.get(0);
    }

    /** Each named input, standard input read from the invocation's ({@link Podcheck#stdin}). */
    static Input open(String name, CommandLine cli) throws InputException {
        if (name.equals("-")) {
            return Input.stdin(Podcheck.stdin(cli));
        }
        try {
            return Input.of(Path.of(name));
        } catch (InvalidPathException e) {
            throw InputException.of(name, "not a file name: " + e.getReason());
        }
    }
}
