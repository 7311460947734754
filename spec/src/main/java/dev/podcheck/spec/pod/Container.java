package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** A container (regular, init, or sidecar: an init container with restartPolicy Always). */
public record Container(
        String name,
        String image,
        List<String> command,
        List<String> args,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ResourceRequirements.None.class)
        ResourceRequirements resources,
        Probe startupProbe,
        Probe livenessProbe,
        Probe readinessProbe,
        Lifecycle lifecycle,
        String restartPolicy,
        String imagePullPolicy,
        String terminationMessagePath,
        String terminationMessagePolicy,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Container {
        command = Immutables.list(command);
        args = Immutables.list(args);
        resources = resources == null ? ResourceRequirements.NONE : resources;
        extra = Immutables.map(extra);
    }

    public static Container of(String name, String image) {
        return new Container(name, image, List.of(), List.of(), ResourceRequirements.NONE,
                null, null, null, null, null, null, null, null, Map.of());
    }

    /** Only meaningful on an init container: a restartable init container (docs/semantics.md section 0, notation). */
    @JsonIgnore
    public boolean isSidecar() {
        return RestartPolicy.Always.name().equals(restartPolicy);
    }

    /** The kinds of probe this container sets, in kubelet order (startup gates the others). */
    @JsonIgnore
    public Stream<ProbeKind> probeKinds() {
        return Stream.of(ProbeKind.values()).filter(kind -> probe(kind) != null);
    }

    public Probe probe(ProbeKind kind) {
        return switch (kind) {
            case startup -> startupProbe;
            case liveness -> livenessProbe;
            case readiness -> readinessProbe;
        };
    }

    public Container withProbe(ProbeKind kind, Probe probe) {
        return new Container(name, image, command, args, resources,
                kind == ProbeKind.startup ? probe : startupProbe,
                kind == ProbeKind.liveness ? probe : livenessProbe,
                kind == ProbeKind.readiness ? probe : readinessProbe,
                lifecycle, restartPolicy, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, extra);
    }

    public Container withName(String value) {
        return new Container(value, image, command, args, resources, startupProbe, livenessProbe,
                readinessProbe, lifecycle, restartPolicy, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, extra);
    }

    public Container withImage(String value) {
        return new Container(name, value, command, args, resources, startupProbe, livenessProbe,
                readinessProbe, lifecycle, restartPolicy, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, extra);
    }

    public Container withResources(ResourceRequirements value) {
        return new Container(name, image, command, args, value, startupProbe, livenessProbe,
                readinessProbe, lifecycle, restartPolicy, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, extra);
    }

    public Container withLifecycle(Lifecycle value) {
        return new Container(name, image, command, args, resources, startupProbe, livenessProbe,
                readinessProbe, value, restartPolicy, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, extra);
    }

    public Container withRestartPolicy(String value) {
        return new Container(name, image, command, args, resources, startupProbe, livenessProbe,
                readinessProbe, lifecycle, value, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, extra);
    }

    /** The fields podcheck keeps as read (ports, env, securityContext, ...) replaced at once. */
    public Container withExtra(Map<String, Object> value) {
        return new Container(name, image, command, args, resources, startupProbe, livenessProbe,
                readinessProbe, lifecycle, restartPolicy, imagePullPolicy, terminationMessagePath,
                terminationMessagePolicy, value);
    }

    /** The API-defaulted fields (SEMANTICS D-7, D-8) replaced at once. */
    public Container withDefaultedFields(String pullPolicy, String messagePath, String messagePolicy) {
        return new Container(name, image, command, args, resources, startupProbe, livenessProbe,
                readinessProbe, lifecycle, restartPolicy, pullPolicy, messagePath, messagePolicy, extra);
    }

    @Override
    public String toString() {
        return "Container[" + Objects.toString(name) + "]";
    }
}
