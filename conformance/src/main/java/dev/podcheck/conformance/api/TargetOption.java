package dev.podcheck.conformance.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One option of a target on the command line (for example {@code --kubeconfig FILE}), described
 * without a command-line parser so that the library carries none: the command line turns each into
 * an option of the verbs that take {@code --target}, and hands the value it parsed to {@link #set}.
 *
 * @param name         the option, with its dashes ({@code --kubeconfig})
 * @param paramLabel   what the value is called in {@code --help} ({@code FILE}); null for a flag, which takes no value
 * @param defaultValue the value set when the option is not given, also shown in {@code --help} where the
 *                     description says {@code ${DEFAULT-VALUE}}; null for none
 * @param description  one or two sentences for {@code --help}
 * @param set          takes the value as written ({@code "true"} for a flag given); throws
 *                     {@link IllegalArgumentException} with a message naming what was expected when it cannot use it
 * @param uses         the verbs it changes something for: only those show and accept it
 *
 * <p>Stability: experimental.
 */
public record TargetOption(String name, String paramLabel, String defaultValue, String description, Consumer<String> set,
                           Set<Use> uses) {
    /** What a verb does with a target: runs scenarios on it (run, replay), renders pods for it, or cleans it. */
    public enum Use { RUN, RENDER, CLEAN }

    public TargetOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(set, "set");
        uses = uses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uses));
        if (uses.isEmpty()) {
            throw new IllegalArgumentException(name + " must apply to some verb");
        }
    }

    /** An option for every verb that takes the target. */
    public TargetOption(String name, String paramLabel, String defaultValue, String description, Consumer<String> set) {
        this(name, paramLabel, defaultValue, description, set, EnumSet.allOf(Use.class));
    }

    /** The same option, shown and accepted only by verbs that use the target these ways. */
    public TargetOption onlyFor(Use first, Use... more) {
        return new TargetOption(name, paramLabel, defaultValue, description, set, EnumSet.of(first, more));
    }

    /** An option that takes a value. */
    public static TargetOption valued(String name, String paramLabel, String defaultValue, String description,
                                      Consumer<String> set) {
        return new TargetOption(name, Objects.requireNonNull(paramLabel, "paramLabel"), defaultValue, description, set);
    }

    /** An option that takes no value: given, it is on. */
    public static TargetOption flag(String name, String description, Consumer<Boolean> set) {
        return new TargetOption(name, null, null, description, v -> set.accept(Boolean.parseBoolean(v)));
    }

    public boolean isFlag() {
        return paramLabel == null;
    }
}
