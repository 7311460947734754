package dev.podcheck.spec.generate;

import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.LoseSandbox;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubelet restarts and sandbox losses (SEMANTICS KR-1..KR-5, SB-1..SB-5), drawn after everything else so that every earlier draw
 * stays as it was. Rare, since each one changes the rest of the pod's life, but often enough that the default
 * budget of 1,000 trials meets each some dozens of times. Choice 0 adds nothing.
 */
final class NodeDisruptionGen {
    /** Mostly while the pod runs; the first seconds are when init containers and first probes are under way. */
    private static final Gen<Duration> AT = Gen.longs(1, 180, 30).map(Duration::ofSeconds);

    private NodeDisruptionGen() {}

    static Scenario add(Scenario scenario, Choices c) {
        List<WorldEvent> events = new ArrayList<>(scenario.events());
        if (c.drawBoolean(0.08)) {
            events.add(new RestartKubelet(AT.generate(c)));
        }
        if (c.drawBoolean(0.07)) {
            events.add(new LoseSandbox(AT.generate(c)));
        }
        return events.size() == scenario.events().size() ? scenario : scenario.withEvents(events);
    }
}
