package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.util.List;

/** A manifest created as {@code kubectl apply} would: what the apiserver says of it, and the pod it stores. */
final class Admit {
    private Admit() {}

    /** A pod named web of one container "app" (busybox), with {@code spec} lines (indented two spaces) before it. */
    static String pod(String spec, String container) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n" + spec
                + "  containers:\n  - name: app\n    image: busybox:1.36\n" + container;
    }

    /** Every refusal, as kubectl prints each; empty if the pod is accepted. */
    static List<String> refusals(String yaml) {
        return create(yaml).violations().stream().map(Violation::message).toList();
    }

    /** The pod as the apiserver would store it. */
    static Pod stored(String yaml) {
        return create(yaml).defaulted().pod();
    }

    private static PodCreate create(String yaml) {
        return PodCreate.of(ScenarioReader.readManifests("pod.yaml", yaml).get(0).scenario());
    }
}
