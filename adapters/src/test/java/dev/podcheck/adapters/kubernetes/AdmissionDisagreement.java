package dev.podcheck.adapters.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * One way podcheck's admission of a body differs from the apiserver's: which aspect, the field (its
 * indices as {@code [*]}, so that one rule counts once), and the two sides' words.
 */
record AdmissionDisagreement(Aspect aspect, String field, String podcheck, String apiserver) {
    enum Aspect {
        VERDICT("accepted by one side only"),
        REFUSAL("refusal said by one side only"),
        WARNING("warning said by one side only"),
        STORED_POD("defaulted pod differs");

        final String words;

        Aspect(String words) {
            this.words = words;
        }
    }

    /** Every disagreement between podcheck's answer and the apiserver's; empty when they agree. */
    static List<AdmissionDisagreement> between(AdmissionAnswer ours, AdmissionAnswer theirs) {
        List<AdmissionDisagreement> out = new ArrayList<>();
        if (ours.accepted() != theirs.accepted()) {
            out.add(new AdmissionDisagreement(Aspect.VERDICT,
                    ours.accepted() ? fieldsOf(theirs.errors()) : fieldsOf(ours.errors()),
                    String.join("\n", ours.errors()), String.join("\n", theirs.errors())));
            return out;
        }
        oneSided(Aspect.REFUSAL, ours.errors(), theirs.errors(), out);
        oneSided(Aspect.WARNING, ours.warnings(), theirs.warnings(), out);
        if (ours.accepted()) {
            for (String path : ModelledFields.differences(ours.modelledPod(), theirs.modelledPod())) {
                out.add(new AdmissionDisagreement(Aspect.STORED_POD, general(path),
                        at(ours, path), at(theirs, path)));
            }
        }
        return out;
    }

    /** The same line said more often by one side than the other (a multiset difference, order aside). */
    private static void oneSided(Aspect aspect, List<String> ours, List<String> theirs, List<AdmissionDisagreement> out) {
        List<String> onlyTheirs = new ArrayList<>(theirs);
        for (String line : ours) {
            if (!onlyTheirs.remove(line)) {
                out.add(new AdmissionDisagreement(aspect, general(AdmissionAnswer.fieldOf(line)), line, ""));
            }
        }
        onlyTheirs.forEach(line -> out.add(new AdmissionDisagreement(aspect, general(AdmissionAnswer.fieldOf(line)), "", line)));
    }

    private static String fieldsOf(List<String> lines) {
        return String.join(", ", lines.stream().map(AdmissionAnswer::fieldOf).map(AdmissionDisagreement::general)
                .distinct().sorted().toList());
    }

    private static String at(AdmissionAnswer answer, String path) {
        return String.valueOf(ModelledFields.at(answer.modelledPod(), path));
    }

    /** {@code spec.containers[2].ports[0].name} as {@code spec.containers[*].ports[*].name}. */
    static String general(String field) {
        return field.replaceAll("\\[\\d+]", "[*]");
    }
}
