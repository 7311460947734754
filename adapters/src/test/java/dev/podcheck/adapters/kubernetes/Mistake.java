package dev.podcheck.adapters.kubernetes;

import dev.podcheck.spec.property.Choices;
import java.util.List;
import java.util.stream.Stream;

/**
 * One way of changing a generated pod's JSON body before it is sent to the apiserver and to podcheck, drawn around a
 * rule's edges (valid values included). Grouped by area in enums; its name says in the report which one it was.
 */
interface Mistake {
    /** Every mistake of every area, in a fixed order (the draw depends on it). */
    List<Mistake> ALL = Stream.of(ManifestMistake.values(), SchedulingMistake.values(), SecurityContextMistake.values(),
            DefaultedFields.values()).flatMap(Stream::of).map(Mistake.class::cast).toList();

    String name();

    void make(PodBody body, Choices c);
}
