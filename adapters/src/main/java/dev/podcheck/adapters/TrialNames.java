package dev.podcheck.adapters;

import dev.podcheck.spec.scenario.Scenario;
import java.security.SecureRandom;

/** The names a real target gives a run and its trials' pods: unique, valid as label values and DNS labels. */
public final class TrialNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private TrialNames() {}

    /** Eight lower-case letters and digits: the run label's value, part of namespace and pod names. */
    public static String runId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /**
     * The scenario's pod name ("pod" when it has none) cut to {@code maxBase} characters, never
     * ending in a dash or dot, followed by {@code suffix}, which makes it unique.
     */
    public static String podName(Scenario defaulted, int maxBase, String suffix) {
        String base = defaulted.pod().metadata().name();
        base = base == null || base.isBlank() ? "pod" : base;
        base = base.length() > maxBase ? base.substring(0, maxBase).replaceAll("[-.]+$", "") : base;
        return base + suffix;
    }
}
