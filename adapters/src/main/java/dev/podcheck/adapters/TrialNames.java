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
     * The scenario's pod name ("pod" when it has none) as a DNS label: every run of other characters than
     * lower-case letters, digits and dashes (dots, slashes, escape sequences) becomes one dash, so the name can
     * neither escape a folder it names nor act on a terminal; cut to {@code maxBase} characters, never
     * starting or ending in a dash, followed by {@code suffix}, which makes it unique.
     */
    public static String podName(Scenario defaulted, int maxBase, String suffix) {
        String name = defaulted.pod().metadata().name();
        String base = name == null ? "" : name.replaceAll("[^a-z0-9-]+", "-");
        base = base.substring(0, Math.min(base.length(), maxBase)).replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "pod" : base) + suffix;
    }
}
