package dev.podcheck.spec.pod;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An emptyDir volume of the pod as the eviction manager reads it (pkg/kubelet/eviction/eviction_manager.go
 * emptyDirLimitEviction; SEMANTICS LS-5): its name, medium and sizeLimit. Volumes are kept as read in the spec's
 * {@code extra}; a volume without a source was defaulted to an emptyDir (SetDefaults_Volume).
 *
 * <p>Stability: experimental.
 *
 * @param sizeLimit the limit, or null where none is written (or it does not parse, which validation refuses)
 */
public record EmptyDirVolume(String name, String medium, Quantity sizeLimit) {
    /** v1.StorageMediumMemory: a tmpfs, whose pages count as memory, not disk. */
    public static final String MEMORY = "Memory";

    public EmptyDirVolume {
        medium = medium == null ? "" : medium;
    }

    /** The pod's emptyDir volumes, in spec order. */
    public static List<EmptyDirVolume> of(PodSpec spec) {
        if (!(spec.extra().get("volumes") instanceof List<?> volumes)) {
            return List.of();
        }
        return volumes.stream().filter(v -> v instanceof Map<?, ?> m && m.get("emptyDir") instanceof Map<?, ?>)
                .map(v -> of((Map<?, ?>) v)).toList();
    }

    private static EmptyDirVolume of(Map<?, ?> volume) {
        Map<?, ?> source = (Map<?, ?>) volume.get("emptyDir");
        String name = volume.get("name") instanceof String s ? s : "";
        String medium = source.get("medium") instanceof String s ? s : "";
        Object size = source.get("sizeLimit");
        Quantity limit = null;
        if (size != null) {
            try {
                limit = Quantity.parse(String.valueOf(size));
            } catch (IllegalArgumentException unparsed) {
                limit = null; // refused by validation with apimachinery's words
            }
        }
        return new EmptyDirVolume(name, medium, limit);
    }

    /** The names of the volumes {@code container} mounts. */
    public static Set<String> mountedBy(Container container) {
        if (!(container.extra().get("volumeMounts") instanceof List<?> mounts)) {
            return Set.of();
        }
        return mounts.stream().filter(m -> m instanceof Map<?, ?>)
                .map(m -> ((Map<?, ?>) m).get("name") instanceof String s ? s : "").collect(Collectors.toSet());
    }

    /** A tmpfs: not local disk, and sized to its sizeLimit, so its use never exceeds it (LS-5). */
    public boolean memoryBacked() {
        return MEMORY.equals(medium);
    }

    /** emptyDirLimitEviction checks only a positive sizeLimit. */
    public boolean limited() {
        return sizeLimit != null && sizeLimit.signum() > 0;
    }
}
