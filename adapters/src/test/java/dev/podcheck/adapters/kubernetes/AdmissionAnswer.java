package dev.podcheck.adapters.kubernetes;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What an admission of one pod body says, in the words both sides share: accepted or not, each
 * refusal as {@code field: what} (a strict decoding error as {@code strict decoding error: unknown
 * field "..."}), each warning as the apiserver's text, and the stored pod on the fields podcheck
 * models ({@link ModelledFields}), canonical JSON, for an accepted pod.
 */
record AdmissionAnswer(boolean accepted, List<String> errors, List<String> warnings, JsonNode modelledPod) {
    AdmissionAnswer {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    static AdmissionAnswer accepted(List<String> warnings, JsonNode modelledPod) {
        return new AdmissionAnswer(true, List.of(), warnings, modelledPod);
    }

    static AdmissionAnswer refused(List<String> errors) {
        return new AdmissionAnswer(false, errors, List.of(), null);
    }

    /**
     * Without the refusal of a generated {@code metadata.name}: with only {@code generateName} written, the apiserver
     * also checks the name it generates from it (a random suffix) and podcheck cannot say that name; its refusal of
     * {@code metadata.generateName} is compared as usual.
     */
    AdmissionAnswer withoutGeneratedNameRefusal(String generateName) {
        String generated = "metadata.name: Invalid value: \"" + generateName;
        return new AdmissionAnswer(accepted, errors.stream().filter(e -> !e.startsWith(generated)).toList(), warnings,
                modelledPod);
    }

    /** The field a refusal or warning line is about: before its first ": ", or the quoted path of a strict error. */
    static String fieldOf(String line) {
        if (line.startsWith(STRICT)) {
            int open = line.indexOf('"');
            return line.substring(open + 1, line.lastIndexOf('"'));
        }
        int colon = line.indexOf(": ");
        return colon < 0 ? line : line.substring(0, colon);
    }

    static final String STRICT = "strict decoding error: ";
}
