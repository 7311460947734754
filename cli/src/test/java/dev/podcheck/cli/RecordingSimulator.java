package dev.podcheck.cli;

import dev.podcheck.engine.Profile;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** A fake engine: answers every scenario with one fixed trace and records what it was asked. */
final class RecordingSimulator implements Simulator {
    record Call(Scenario scenario, Duration horizon, Profile profile) {}

    private final Trace answer;
    final List<Call> calls = new ArrayList<>();

    RecordingSimulator(Trace answer) {
        this.answer = answer;
    }

    @Override
    public Trace simulate(Scenario defaulted, Duration horizon, Profile profile) {
        calls.add(new Call(defaulted, horizon, profile));
        return answer;
    }

    /** Builds the verbs as picocli does, with this fake in predict's engine's place. */
    CommandLine.IFactory factory() {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == PredictCommand.class ? type.cast(new PredictCommand(RecordingSimulator.this))
                        : CommandLine.defaultFactory().create(type);
            }
        };
    }
}
