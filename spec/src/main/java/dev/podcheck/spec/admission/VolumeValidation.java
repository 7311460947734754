package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Volumes and volume mounts, as ValidateVolumes and ValidateVolumeMounts in pkg/apis/core/validation/validation.go
 * check them: names are unique DNS labels, at most one source each (none is an emptyDir by
 * SetDefaults_Volume), and each mount names a volume and a unique mountPath. The sources' own fields are
 * passed through unchecked.
 */
final class VolumeValidation {
    static final String MORE_THAN_ONE_SOURCE = "may not specify more than 1 volume type";
    static final String NEGATIVE_SIZE_LIMIT = "SizeLimit field must be a valid resource quantity";

    private VolumeValidation() {}

    /**
     * The names of the pod's valid volumes, after reporting what is wrong with the others: as in ValidateVolumes, a
     * volume with any error is not registered, so a later one of its name is no Duplicate and a mount naming it is
     * Not found (kube-apiserver v1.34.4 accepted two volumes named "data.1" with only each name's Invalid).
     */
    static Set<String> volumes(PodSpec spec, String path, List<Violation> out) {
        List<Map<String, Object>> volumes = PassThrough.list(spec.extra(), "volumes");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            Map<String, Object> volume = volumes.get(i);
            String at = path + "[" + i + "]";
            String name = PassThrough.string(volume, "name");
            List<Violation> errors = new ArrayList<>();
            List<String> sources = volume.keySet().stream().filter(k -> !k.equals("name")).toList();
            for (String extra : sources.subList(Math.min(1, sources.size()), sources.size())) {
                errors.add(Violation.forbidden(at + "." + extra, MORE_THAN_ONE_SOURCE));
            }
            if (name.isEmpty()) {
                errors.add(Violation.required(at + ".name", ""));
            } else {
                NameRules.dns1123Label(name).forEach(msg -> errors.add(Violation.invalid(at + ".name", name, msg)));
            }
            emptyDirSizeLimit(volume, at + ".emptyDir.sizeLimit", errors);
            if (names.contains(name)) {
                errors.add(Violation.duplicate(at + ".name", name));
            }
            if (errors.isEmpty()) {
                names.add(name);
            }
            out.addAll(errors);
        }
        return names;
    }

    /**
     * validateVolumeSource: a negative sizeLimit is Forbidden; one that is no quantity fails decoding, with
     * apimachinery's words (the eviction manager reads it, SEMANTICS LS-5).
     */
    private static void emptyDirSizeLimit(Map<String, Object> volume, String at, List<Violation> out) {
        Map<String, Object> emptyDir = PassThrough.object(volume, "emptyDir");
        Object size = emptyDir == null ? null : emptyDir.get("sizeLimit");
        if (size == null) {
            return;
        }
        try {
            if (Quantity.parse(String.valueOf(size)).signum() < 0) {
                out.add(Violation.forbidden(at, NEGATIVE_SIZE_LIMIT));
            }
        } catch (IllegalArgumentException e) {
            out.add(Violation.invalid(at, String.valueOf(size), e.getMessage()));
        }
    }

    static void mounts(Container c, Set<String> volumes, String at, List<Violation> out) {
        List<Map<String, Object>> mounts = PassThrough.list(c.extra(), "volumeMounts");
        Set<String> mountPaths = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            String path = at + ".volumeMounts[" + i + "]";
            String name = PassThrough.string(mounts.get(i), "name");
            if (name.isEmpty()) {
                out.add(Violation.required(path + ".name", ""));
            }
            if (!volumes.contains(name)) {
                out.add(Violation.notFound(path + ".name", name));
            }
            String mountPath = PassThrough.string(mounts.get(i), "mountPath");
            if (mountPath.isEmpty()) {
                out.add(Violation.required(path + ".mountPath", ""));
            }
            if (!mountPaths.add(mountPath)) {
                out.add(Violation.invalid(path + ".mountPath", mountPath, "must be unique"));
            }
        }
    }
}
