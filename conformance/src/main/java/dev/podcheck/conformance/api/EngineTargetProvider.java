package dev.podcheck.conformance.api;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;

/** {@code --target engine}: the embedded reference engine, the default target of every run. */
public final class EngineTargetProvider implements TargetProvider {
    @Override
    public String name() {
        return "engine";
    }

    @Override
    public String description() {
        return "the embedded reference engine, in virtual time (the default)";
    }

    @Override
    public Target open() {
        return new EngineTarget();
    }

    @Override
    public Target open(Profile release) {
        return new EngineTarget(EngineOptions.DEFAULT.withProfile(release));
    }
}
