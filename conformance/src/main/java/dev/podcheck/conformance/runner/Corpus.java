package dev.podcheck.conformance.runner;

import dev.podcheck.spec.admission.PodCreate;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.Printable;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The regression corpus: a folder of scenario files, replayed before new trials; counterexamples are added to it. */
public final class Corpus {
    /**
     * One scenario of the corpus and the file it came from.
     *
     * @param unreadable why the file could not be read (then scenario is null), or null
     */
    public record Entry(Path file, Scenario scenario, String unreadable) {
        public Entry(Path file, Scenario scenario) {
            this(file, scenario, null);
        }
    }

    private Corpus() {}

    /**
     * Every scenario of every *.yaml file in the folder, files in name order; a missing folder is
     * empty. A file instead of a folder is read alone (that is how {@code podcheck replay} runs one).
     */
    public static List<Entry> read(Path folder) {
        if (Files.isRegularFile(folder)) {
            return ScenarioReader.read(folder).stream().map(s -> new Entry(folder, s)).toList();
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                ScenarioReader.read(file).forEach(s -> entries.add(new Entry(file, s)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + folder + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /**
     * Like {@link #read}, but a file that cannot be read is one entry saying why: in a run, one bad
     * corpus file is one inconclusive trial, not the loss of the run.
     */
    public static List<Entry> readEach(Path folder) {
        if (!Files.isDirectory(folder)) {
            return read(folder);
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    ScenarioReader.read(file).forEach(s -> entries.add(admitted(file, s)));
                } catch (RuntimeException e) {
                    entries.add(new Entry(file, null, "cannot read the corpus file: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + folder + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** A scenario runs only as the apiserver would admit it: one it refuses is an entry saying why. */
    private static Entry admitted(Path file, Scenario scenario) {
        PodCreate create = PodCreate.of(scenario);
        if (create.accepted()) {
            return new Entry(file, scenario);
        }
        return new Entry(file, null, "the apiserver would refuse this pod: " + create.violations().stream()
                .map(Violation::message).map(Printable::of).collect(Collectors.joining("; ")));
    }

    /** Saves a counterexample as an ordinary manifest with a header saying what it shows; returns the file. */
    public static Path save(Path folder, Counterexample c) {
        String name = c.invariant().id().replace('/', '-') + "-" + Long.toUnsignedString(c.trialSeed(), 16) + ".yaml";
        String header = "# podcheck counterexample for " + c.invariant().id() + " (" + c.origin() + ")\n"
                + "# MUST: " + c.invariant().must() + "\n"
                + "# " + c.verdict().message() + "\n";
        try {
            Files.createDirectories(folder);
            // Written aside and moved in whole: a run stopped midway leaves no half a counterexample to replay.
            Path partial = Files.writeString(folder.resolve(name + ".partial"), header + ScenarioWriter.toYaml(c.scenario()));
            return Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the corpus " + folder + ": " + e.getMessage(), e);
        }
    }
}
