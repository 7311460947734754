package dev.podcheck.adapters.render;

import dev.podcheck.spec.pod.PodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report volume in the pod's {@code spec.volumes} and its mount in a container's {@code volumeMounts}. */
final class ReportMount {
    static final String VOLUME_NAME = "podcheck-reports";

    private ReportMount() {}

    /** The pod's spec extras with the report volume added. */
    static Map<String, Object> addVolume(PodSpec spec, ReportVolume volume) {
        List<Map<String, Object>> volumes = entries(spec.extra(), "volumes");
        if (volumes.stream().anyMatch(v -> VOLUME_NAME.equals(v.get("name")))) {
            throw new IllegalArgumentException("the pod already has a volume named " + VOLUME_NAME
                    + ", which rendering needs for its reports: rename it");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", VOLUME_NAME);
        entry.putAll(volume.source());
        volumes.add(entry);
        return with(spec.extra(), "volumes", volumes);
    }

    /** A container's extras with the report volume mounted at {@value PodRenderer#MOUNT_PATH}. */
    static Map<String, Object> addMount(String container, Map<String, Object> extra) {
        List<Map<String, Object>> mounts = entries(extra, "volumeMounts");
        if (mounts.stream().anyMatch(m -> PodRenderer.MOUNT_PATH.equals(m.get("mountPath")))) {
            throw new IllegalArgumentException("container " + container + " already mounts a volume at "
                    + PodRenderer.MOUNT_PATH + ", where rendering mounts its reports: move it");
        }
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("name", VOLUME_NAME);
        mount.put("mountPath", PodRenderer.MOUNT_PATH);
        mounts.add(mount);
        return with(extra, "volumeMounts", mounts);
    }

    /** The list under {@code key}, copied; pod fields outside the model are kept as the reader read them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> extra, String key) {
        Object value = extra.get(key);
        if (value == null) {
            return new ArrayList<>();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof Map)) {
            throw new IllegalArgumentException(key + " must be a list of objects, got " + value);
        }
        return new ArrayList<>((List<Map<String, Object>>) list);
    }

    private static Map<String, Object> with(Map<String, Object> extra, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extra);
        copy.put(key, value);
        return copy;
    }
}
