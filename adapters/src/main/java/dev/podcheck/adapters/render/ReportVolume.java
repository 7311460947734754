package dev.podcheck.adapters.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the rendered containers keep what must outlive one container instance: the instance
 * counter (the restart count), the health files and the reports. It must last as long as the pod
 * and no longer, so that instance N of a container is counted from the pod's first start.
 */
public sealed interface ReportVolume {

    /** The volume source as it appears in the pod's {@code spec.volumes} entry. */
    Map<String, Object> source();

    /** An emptyDir: made with the pod, kept across container restarts, removed with the pod. */
    record EmptyDir() implements ReportVolume {
        @Override
        public Map<String, Object> source() {
            return Map.of("emptyDir", Map.of());
        }
    }

    /**
     * A directory of the host, for runtimes without emptyDir semantics (podman {@code kube play});
     * the target picks a fresh directory per pod, so counters start at 0, and reads the reports there.
     */
    record HostPath(String path) implements ReportVolume {
        public HostPath {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a hostPath report volume needs an absolute path, got " + path);
            }
        }

        @Override
        public Map<String, Object> source() {
            Map<String, Object> hostPath = new LinkedHashMap<>();
            hostPath.put("path", path);
            hostPath.put("type", "DirectoryOrCreate");
            return Map.of("hostPath", hostPath);
        }
    }
}
