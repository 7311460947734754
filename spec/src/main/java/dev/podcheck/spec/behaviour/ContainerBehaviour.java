package dev.podcheck.spec.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.podcheck.spec.pod.Immutables;
import java.time.Duration;
import java.util.List;

/**
 * What one container does, instance by instance. Entry {@code i} covers the next {@code times}
 * instances (restartCount values); the last entry covers every later instance, so
 * "fails the first two runs, then succeeds" is {@code [{times: 2, exit: {code: 1}}, {exit: {code: 0}}]}.
 */
public record ContainerBehaviour(
        // One entry may be written without the list around it: app: {exit: {code: 1}}.
        @JsonValue @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<InstanceBehaviour> instances) {

    /** Runs forever, always healthy, exits at once with 143 on SIGTERM. */
    public static final ContainerBehaviour DEFAULT = new ContainerBehaviour(List.of(InstanceBehaviour.DEFAULT));

    /** What a regular init container does unless told otherwise: its work takes a second, then exit 0. */
    public static final ContainerBehaviour INIT_DEFAULT =
            new ContainerBehaviour(List.of(InstanceBehaviour.DEFAULT.withExit(new Exit(Duration.ofSeconds(1), 0))));

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ContainerBehaviour {
        instances = Immutables.listOf("an instance entry", instances);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a behaviour needs at least one instance entry");
        }
    }

    public static ContainerBehaviour of(InstanceBehaviour... entries) {
        return new ContainerBehaviour(List.of(entries));
    }

    /** The behaviour of the instance with this restartCount (0 for the first run). */
    public InstanceBehaviour forInstance(int restartCount) {
        int remaining = restartCount;
        for (InstanceBehaviour entry : instances) {
            if (remaining < entry.times()) {
                return entry;
            }
            remaining -= entry.times();
        }
        return instances.get(instances.size() - 1);
    }
}
