package dev.podcheck.spec.generate;

/** The three kinds of container a pod has, each with its readable name prefix. */
enum ContainerKind {
    REGULAR("app"), INIT("init"), SIDECAR("side");

    private final String prefix;

    ContainerKind(String prefix) {
        this.prefix = prefix;
    }

    /** {@code app}, {@code app-2}, ...: readable, and unique because the prefixes differ. */
    String name(int index) {
        return index == 0 ? prefix : prefix + "-" + (index + 1);
    }

    /** Regular init containers may not have probes or lifecycle hooks (SEMANTICS V-14). */
    boolean mayHaveProbesAndHooks() {
        return this != INIT;
    }
}
