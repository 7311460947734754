package dev.podcheck.cli;

/** A verb that takes {@code --target}: {@link Podcheck} hands it the chosen provider before parsing. */
interface TargetVerb {
    TargetOptions target();

    /** The target when the command line names none. */
    default String defaultTarget() {
        return Targets.DEFAULT;
    }
}
