package dev.podcheck.spec.generate;

import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.List;

/** World events, weighted toward the edges: grace 0, forced deletion, memory pressure. */
final class EventGen {
    private static final Gen<Duration> AT = Gen.longs(0, 120, 10).map(Duration::ofSeconds);
    private static final Gen<Long> DELETE_GRACE = Gen.frequency(
            Weighted.just(3, (Long) null), Weighted.just(2, 0L), Weighted.of(2, Gen.longs(1, 60)));
    private static final Gen<WorldEvent> DELETE = c -> new DeletePod(AT.generate(c), DELETE_GRACE.generate(c),
            c.drawBoolean(0.25));
    private static final Gen<Quantity> MI = Gen.longs(1, 4096, 256).map(n -> Quantity.parse(n + "Mi"));
    private static final Gen<WorldEvent> PRESSURE = c -> new NodeMemoryPressure(AT.generate(c), MI.generate(c),
            Gen.frequency(Weighted.just(2, (Quantity) null), Weighted.of(1, MI)).generate(c));

    static final Gen<List<WorldEvent>> EVENTS = events(Gen.frequency(Weighted.of(2, DELETE), Weighted.of(1, PRESSURE)));
    /** Deletions only, for targets that cannot put their node under memory pressure. */
    static final Gen<List<WorldEvent>> DELETIONS = events(DELETE);

    private static Gen<List<WorldEvent>> events(Gen<WorldEvent> event) {
        return Gen.frequency(Weighted.just(3, List.of()), Weighted.of(2, Gen.listOf(event, 1, 2)));
    }

    private EventGen() {}
}
