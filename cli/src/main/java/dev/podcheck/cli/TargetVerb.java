package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetOption;

/** A verb that takes {@code --target}: {@link Podcheck} hands it the chosen provider before parsing. */
interface TargetVerb {
    TargetOptions target();

    /** The target when the command line names none. */
    default String defaultTarget() {
        return Targets.DEFAULT;
    }

    /** What the verb does with the target: only the target's options for that are offered. */
    default TargetOption.Use use() {
        return TargetOption.Use.RUN;
    }
}
