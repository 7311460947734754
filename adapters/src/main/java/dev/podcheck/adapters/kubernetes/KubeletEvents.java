package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting.EventSeen;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Events of one pod, each occurrence once. The kubelet's recorder folds a repeated event into
 * one object and counts it (client-go tools/record/events_cache.go EventAggregator): every rise of
 * {@code count} is that many more occurrences (for example one more failed probe), so an
 * occurrence is an (event uid, count) pair, and a relist that shows old events again adds nothing.
 * Not thread-safe: its owner calls it under its own lock.
 */
final class KubeletEvents {
    /** involvedObject.fieldPath of a container: spec.containers{app}, spec.initContainers{init}. */
    private static final Pattern CONTAINER = Pattern.compile("\\{([^}]*)}");

    private final String podName;
    private String podUid;
    private final Map<String, Integer> counted = new HashMap<>();

    KubeletEvents(String podName) {
        this.podName = podName;
    }

    /** Events of an earlier pod with the same name (uid differs) are not this pod's. */
    void podUid(String uid) {
        this.podUid = uid;
    }

    /** The occurrences {@code event} adds, seen at {@code at}; none when it is another object's or seen before. */
    List<EventSeen> occurrences(Event event, long at) {
        ObjectReference about = event.getInvolvedObject();
        if (about == null || !"Pod".equals(about.getKind()) || !podName.equals(about.getName())
                || (podUid != null && about.getUid() != null && !podUid.equals(about.getUid()))) {
            return List.of();
        }
        int count = event.getCount() == null ? 1 : event.getCount();
        int fresh = count - counted.getOrDefault(event.getMetadata().getUid(), 0);
        if (fresh > 0) {
            counted.put(event.getMetadata().getUid(), count);
        }
        List<EventSeen> out = new ArrayList<>();
        for (int i = 0; i < fresh; i++) {
            out.add(new EventSeen(at, event.getReason(), container(about.getFieldPath()), event.getMessage()));
        }
        return out;
    }

    private static String container(String fieldPath) {
        if (fieldPath == null) {
            return "";
        }
        Matcher m = CONTAINER.matcher(fieldPath);
        return m.find() ? m.group(1) : "";
    }
}
