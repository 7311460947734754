package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The apiserver's v1 defaults for fields podcheck keeps as read in {@code extra} (pkg/apis/core/v1/defaults.go and the
 * declarative defaults of zz_generated.defaults.go), so that {@code validate} prints the pod as the apiserver stores
 * it: SetDefaults_PodSpec's dnsPolicy, securityContext and schedulerName, SetDefaults_Pod's enableServiceLinks and
 * host-network ports, every port's protocol, the volume sources' modes and types, and a fieldRef's apiVersion.
 * What admission plugins add (the service-account volume, default tolerations, priority) is not defaulting.
 */
final class PassThroughDefaults {
    static final String DNS_POLICY = "ClusterFirst";
    static final String SCHEDULER_NAME = "default-scheduler";
    /** 0644, the default mode of secret, configMap, downwardAPI and projected volumes. */
    static final int VOLUME_MODE = 420;
    /** SetDefaults_ServiceAccountTokenProjection: one hour. */
    static final long TOKEN_EXPIRATION_SECONDS = 3600;

    private PassThroughDefaults() {}

    static PodSpec pod(PodSpec spec) {
        Map<String, Object> extra = new LinkedHashMap<>(spec.extra());
        putIfUnset(extra, "dnsPolicy", DNS_POLICY);
        extra.putIfAbsent("securityContext", Map.of());
        putIfUnset(extra, "schedulerName", SCHEDULER_NAME);
        extra.putIfAbsent("enableServiceLinks", true);
        mapList(extra, "volumes", PassThroughDefaults::volume);
        boolean hostNetwork = PassThrough.bool(spec.extra(), "hostNetwork");
        return spec.withExtra(extra)
                .withInitContainers(spec.initContainers().stream().map(c -> container(c, hostNetwork)).toList())
                .withContainers(spec.containers().stream().map(c -> container(c, hostNetwork)).toList());
    }

    private static Container container(Container container, boolean hostNetwork) {
        Map<String, Object> extra = new LinkedHashMap<>(container.extra());
        mapList(extra, "ports", port -> {
            putIfUnset(port, "protocol", "TCP");
            // defaultHostNetworkPorts: with the host's network a container port is the host's port
            if (hostNetwork && PassThrough.integer(port, "hostPort") == 0 && port.containsKey("containerPort")) {
                port.put("hostPort", port.get("containerPort"));
            }
        });
        mapList(extra, "env", env -> mapObject(env, "valueFrom", from -> mapObject(from, "fieldRef", PassThroughDefaults::fieldRef)));
        return extra.equals(container.extra()) ? container : container.withExtra(extra);
    }

    private static void volume(Map<String, Object> volume) {
        if (volume.keySet().stream().allMatch("name"::equals)) {
            volume.put("emptyDir", Map.of()); // SetDefaults_Volume: no source is an emptyDir
        }
        for (String source : List.of("secret", "configMap", "projected")) {
            mapObject(volume, source, s -> s.putIfAbsent("defaultMode", VOLUME_MODE));
        }
        mapObject(volume, "downwardAPI", downward -> {
            downward.putIfAbsent("defaultMode", VOLUME_MODE);
            downwardItems(downward);
        });
        mapObject(volume, "hostPath", hostPath -> hostPath.putIfAbsent("type", ""));
        mapObject(volume, "projected", projected -> mapList(projected, "sources", source -> {
            mapObject(source, "downwardAPI", PassThroughDefaults::downwardItems);
            mapObject(source, "serviceAccountToken", token -> token.putIfAbsent("expirationSeconds", TOKEN_EXPIRATION_SECONDS));
        }));
    }

    private static void downwardItems(Map<String, Object> downward) {
        mapList(downward, "items", item -> mapObject(item, "fieldRef", PassThroughDefaults::fieldRef));
    }

    // SetDefaults_ObjectFieldSelector
    private static void fieldRef(Map<String, Object> ref) {
        putIfUnset(ref, "apiVersion", "v1");
    }

    // Go has no unset string: "" is defaulted as if the field were absent.
    private static void putIfUnset(Map<String, Object> object, String key, String value) {
        if (!(object.get(key) instanceof String s) || s.isEmpty()) {
            object.put(key, value);
        }
    }

    /** Applies {@code defaults} to a copy of the object at {@code key}, if there is one. */
    private static void mapObject(Map<String, Object> object, String key, Consumer<Map<String, Object>> defaults) {
        if (object.get(key) instanceof Map<?, ?> child) {
            Map<String, Object> copy = copy(child);
            defaults.accept(copy);
            object.put(key, copy);
        }
    }

    /** Applies {@code defaults} to a copy of each object of the list at {@code key}. */
    private static void mapList(Map<String, Object> object, String key, Consumer<Map<String, Object>> defaults) {
        if (object.get(key) instanceof List<?> list) {
            UnaryOperator<Object> each = item -> {
                if (!(item instanceof Map<?, ?> child)) {
                    return item;
                }
                Map<String, Object> copy = copy(child);
                defaults.accept(copy);
                return copy;
            };
            object.put(key, list.stream().map(each).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> map) {
        return new LinkedHashMap<>((Map<String, Object>) map);
    }
}
