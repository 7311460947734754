package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.Exit;
import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.behaviour.SigtermResponse;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Behaviours consistent with the container's spec: health only for probes it has, hook
 * behaviour only for hooks it has. Choice 0 everywhere is the default (runs, healthy, instant).
 */
final class BehaviourGen {
    private static final Gen<Duration> SECONDS_0_60 = Gen.longs(0, 60).map(Duration::ofSeconds);
    private static final Gen<Duration> SECONDS_1_60 = Gen.longs(1, 60, 10).map(Duration::ofSeconds);
    private static final Gen<Duration> START_AFTER = Gen.frequency(
            Weighted.just(3, Duration.ZERO), Weighted.of(1, Gen.longs(1, 10).map(Duration::ofSeconds)));
    private static final Gen<Integer> EXIT_CODES = Gen.frequency(
            Weighted.just(2, 0), Weighted.just(2, 1), Weighted.of(1, Gen.elements(2, 42, 137)));
    private static final Gen<Exit> EXIT = Gen.frequency(Weighted.just(2, (Exit) null),
            Weighted.of(2, c -> Exit.after(SECONDS_0_60.generate(c), EXIT_CODES.generate(c))));
    private static final Gen<Health> HEALTH = Gen.frequency(
            Weighted.just(3, Health.ALWAYS), Weighted.just(1, Health.NEVER),
            Weighted.of(1, SECONDS_1_60.map(Health::from)), Weighted.of(1, SECONDS_1_60.map(Health::until)));
    private static final Gen<SigtermResponse> SIGTERM = Gen.frequency(
            Weighted.just(3, SigtermResponse.DEFAULT), Weighted.just(1, SigtermResponse.ignore()),
            Weighted.of(1, c -> SigtermResponse.exitAfter(Gen.longs(0, 40).map(Duration::ofSeconds).generate(c),
                    Gen.elements(0, 143, 1).generate(c))));
    private static final Gen<HookBehaviour> HOOK = Gen.frequency(Weighted.just(3, HookBehaviour.INSTANT),
            Weighted.of(1, c -> new HookBehaviour(Gen.longs(0, 40).map(Duration::ofSeconds).generate(c),
                    Gen.booleans().generate(c))));

    private BehaviourGen() {}

    /** Memory used in one or two steps, up to {@code size}'s maxMemoryMi; mostly none. */
    private static Gen<List<MemoryUse>> memory(Size size) {
        Gen<MemoryUse> step = c -> new MemoryUse(SECONDS_0_60.generate(c), Quantity.parse(
                Gen.longs(1, size.maxMemoryMi(), Math.min(64, size.maxMemoryMi())).generate(c) + "Mi"));
        return Gen.frequency(Weighted.just(4, List.of()), Weighted.of(1, Gen.listOf(step, 1, 2)));
    }

    /** A behaviour for the container, or null (the default) for choice 0. */
    static ContainerBehaviour forContainer(Container container, Size size, Choices c) {
        if (!c.drawBoolean(0.4)) {
            return null;
        }
        List<InstanceBehaviour> instances = new ArrayList<>();
        do {
            instances.add(instance(container, size, c));
        } while (instances.size() < 3 && c.drawBoolean(0.3));
        return new ContainerBehaviour(instances);
    }

    private static InstanceBehaviour instance(Container container, Size size, Choices c) {
        Lifecycle lifecycle = container.lifecycle();
        return new InstanceBehaviour(
                Gen.integers(1, 3).generate(c),
                START_AFTER.generate(c),
                EXIT.generate(c),
                health(container, ProbeKind.startup, c),
                health(container, ProbeKind.liveness, c),
                health(container, ProbeKind.readiness, c),
                SIGTERM.generate(c),
                memory(size).generate(c),
                lifecycle != null && lifecycle.postStart() != null ? HOOK.generate(c) : HookBehaviour.INSTANT,
                lifecycle != null && lifecycle.preStop() != null ? HOOK.generate(c) : HookBehaviour.INSTANT);
    }

    private static Health health(Container container, ProbeKind kind, Choices c) {
        return container.probe(kind) == null ? Health.ALWAYS : HEALTH.generate(c);
    }
}
