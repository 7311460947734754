package dev.podcheck.cli.fuzz;

import java.util.Map;

/** Seeds too large to commit as files: a pod or a behaviour with tens of thousands of parts. */
final class LargeSeeds {
    private LargeSeeds() {}

    static Map<String, String> all() {
        return Map.of(
                "many-containers", pod("", "containers:\n" + "  - {name: c, image: busybox}\n".repeat(20_000)),
                "many-windows", pod("containers:\n  app: [{readiness: [" + "{from: 1s, until: 2s}, ".repeat(50_000) + "]}]\n",
                        APP),
                "many-memory-steps", pod("containers:\n  app: [{memory: [" + "{from: 1s, bytes: 1Mi}, ".repeat(50_000) + "]}]\n",
                        APP),
                "many-instances", pod("containers:\n  app: [" + "{exit: {after: 1s, code: 1}}, ".repeat(30_000) + "]\n", APP),
                "many-events", pod("events: [" + "{deletePod: {at: 1s}}, ".repeat(30_000) + "]\n", APP),
                "over-3-MiB", pod("", APP + "  - {name: b, image: busybox, env: [{name: X, value: \"" + "x".repeat(3_200_000) + "\"}]}\n"));
    }

    private static final String APP = "containers:\n  - {name: app, image: busybox}\n";

    private static String pod(String script, String containers) {
        String annotation = script.isEmpty() ? ""
                : "  annotations:\n    podcheck.dev/scenario: |\n" + script.indent(6);
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n" + annotation + "spec:\n  " + containers.strip().replace("\n", "\n  ") + "\n";
    }
}
