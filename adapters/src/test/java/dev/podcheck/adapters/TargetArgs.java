package dev.podcheck.adapters;

import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A target's options set as the command line sets them ({@code podcheck-cli} is built on this module,
 * so its tests cannot use it): the given ones, then the defaults of the others.
 */
public final class TargetArgs {
    private TargetArgs() {}

    /**
     * @throws IllegalArgumentException for an option the target does not have, or a value it cannot use
     */
    public static void apply(TargetProvider provider, String... args) {
        List<TargetOption> options = provider.options();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            TargetOption option = options.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown option " + name));
            option.set().accept(option.isFlag() ? "true" : args[++i]);
            given.add(name);
        }
        for (TargetOption option : options) {
            if (!given.contains(option.name()) && option.defaultValue() != null) {
                option.set().accept(option.defaultValue());
            }
        }
    }
}
