package dev.podcheck.adapters.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparison's numbers: pods compared and agreed per source (generated, each mistake), and each
 * kind of disagreement (aspect and field) with its count and the first body that showed it.
 */
final class AdmissionTally {
    private final Map<String, int[]> bySource = new TreeMap<>(); // {compared, agreed, accepted by the apiserver}
    private final Map<String, Example> byDisagreement = new TreeMap<>();

    private record Example(AdmissionDisagreement first, String body, int[] count) {}

    synchronized void add(String source, String body, AdmissionAnswer apiserver, List<AdmissionDisagreement> found) {
        int[] counts = bySource.computeIfAbsent(source, s -> new int[3]);
        counts[0]++;
        counts[1] += found.isEmpty() ? 1 : 0;
        counts[2] += apiserver.accepted() ? 1 : 0;
        for (AdmissionDisagreement d : found.stream().distinct().toList()) {
            String key = d.aspect().words + ": " + d.field();
            byDisagreement.computeIfAbsent(key, k -> new Example(d, body, new int[1])).count()[0]++;
        }
    }

    synchronized int compared() {
        return bySource.values().stream().mapToInt(c -> c[0]).sum();
    }

    synchronized int agreed() {
        return bySource.values().stream().mapToInt(c -> c[1]).sum();
    }

    /** Each disagreement's key and count, for the assertion's message. */
    synchronized List<String> disagreements() {
        List<String> out = new ArrayList<>();
        byDisagreement.forEach((key, e) -> out.add(key + " (" + e.count()[0] + " pods)"));
        return out;
    }

    synchronized String report() {
        StringBuilder out = new StringBuilder(String.format("podcheck vs the apiserver: %d pods compared, %d agreed, %d disagreed%n",
                compared(), agreed(), compared() - agreed()));
        bySource.forEach((source, c) -> out.append(String.format("  %-24s %5d compared %5d agreed %5d accepted by the apiserver%n",
                source, c[0], c[1], c[2])));
        byDisagreement.forEach((key, e) -> out.append(String.format("%n%s: %d pods%n  podcheck:  %s%n  apiserver: %s%n  first body: %s%n",
                key, e.count()[0], e.first().podcheck(), e.first().apiserver(), e.body())));
        return out.toString();
    }
}
