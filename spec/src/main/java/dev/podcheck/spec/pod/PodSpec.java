package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pod spec fields the lifecycle depends on. Enumerated API values stay strings, as in the API,
 * so that an unsupported value reaches validation (which names it) instead of failing to parse.
 */
public record PodSpec(
        List<Container> initContainers,
        List<Container> containers,
        String restartPolicy,
        Long terminationGracePeriodSeconds,
        Long activeDeadlineSeconds,
        Integer priority,
        String nodeName,
        List<PodReadinessGate> readinessGates,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public PodSpec {
        initContainers = Immutables.list(initContainers);
        containers = Immutables.list(containers);
        readinessGates = Immutables.list(readinessGates);
        extra = Immutables.map(extra);
    }

    public static PodSpec empty() {
        return new PodSpec(List.of(), List.of(), null, null, null, null, null, List.of(), Map.of());
    }

    public static PodSpec of(List<Container> initContainers, List<Container> containers) {
        return new PodSpec(initContainers, containers, null, null, null, null, null, List.of(), Map.of());
    }

    /** The pod restartPolicy; call on a defaulted, valid pod. */
    @JsonIgnore
    public RestartPolicy restartPolicyValue() {
        return RestartPolicy.valueOf(restartPolicy);
    }

    /** Init containers with restartPolicy Always: the sidecars. */
    @JsonIgnore
    public List<Container> sidecars() {
        return initContainers.stream().filter(Container::isSidecar).toList();
    }

    /** Init containers, then regular containers, in spec order. */
    @JsonIgnore
    public Stream<Container> allContainers() {
        return Stream.concat(initContainers.stream(), containers.stream());
    }

    public PodSpec withInitContainers(List<Container> list) {
        return new PodSpec(list, containers, restartPolicy, terminationGracePeriodSeconds,
                activeDeadlineSeconds, priority, nodeName, readinessGates, extra);
    }

    public PodSpec withContainers(List<Container> list) {
        return new PodSpec(initContainers, list, restartPolicy, terminationGracePeriodSeconds,
                activeDeadlineSeconds, priority, nodeName, readinessGates, extra);
    }

    public PodSpec withRestartPolicy(String value) {
        return new PodSpec(initContainers, containers, value, terminationGracePeriodSeconds,
                activeDeadlineSeconds, priority, nodeName, readinessGates, extra);
    }

    public PodSpec withTerminationGracePeriodSeconds(Long value) {
        return new PodSpec(initContainers, containers, restartPolicy, value,
                activeDeadlineSeconds, priority, nodeName, readinessGates, extra);
    }

    public PodSpec withActiveDeadlineSeconds(Long value) {
        return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
                value, priority, nodeName, readinessGates, extra);
    }

    public PodSpec withPriority(Integer value) {
        return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
                activeDeadlineSeconds, value, nodeName, readinessGates, extra);
    }

    /** The fields podcheck keeps as read (volumes, tolerations, affinity, ...) replaced at once. */
    public PodSpec withExtra(Map<String, Object> value) {
        return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
                activeDeadlineSeconds, priority, nodeName, readinessGates, value);
    }

    public PodSpec withReadinessGates(List<PodReadinessGate> value) {
        return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
                activeDeadlineSeconds, priority, nodeName, value, extra);
    }
}
