package dev.podcheck.conformance.api;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;
import java.util.List;

/** {@code --target engine}: the embedded reference engine, the default target of every run. */
public final class EngineTargetProvider implements TargetProvider {
    private Profile profile = Profile.DEFAULT;

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public String description() {
        return "the embedded reference engine, in virtual time (the default)";
    }

    /** {@code --kubernetes-version}: which release's kubelet the engine plays; {@link Profile#of} says which it models. */
    @Override
    public List<TargetOption> options() {
        return List.of(TargetOption.valued("--kubernetes-version", "1.N", Profile.DEFAULT.version(),
                "The Kubernetes release whose kubelet the engine plays, one of those it models (default: ${DEFAULT-VALUE}).",
                value -> profile = Profile.of(value)).onlyFor(TargetOption.Use.RUN));
    }

    @Override
    public Target open() {
        return new EngineTarget(EngineOptions.DEFAULT.withProfile(profile));
    }
}
