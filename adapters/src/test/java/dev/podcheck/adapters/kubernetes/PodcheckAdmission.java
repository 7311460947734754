package dev.podcheck.adapters.kubernetes;

import dev.podcheck.spec.admission.PodCreate;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.admission.Warning;
import dev.podcheck.spec.admission.Warnings;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Manifest;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.StrictDecodingError;
import java.util.List;

/**
 * podcheck's answer to the body a dry-run create sends, as {@code podcheck validate} (strict) gives it:
 * {@link ScenarioReader#readManifests} for strict decoding, then {@link PodCreate}. Its own checks of
 * the scenario annotation are left out: the apiserver knows nothing of behaviours.
 */
final class PodcheckAdmission {
    private static final String SCENARIO_FIELD = "metadata.annotations[" + Scenario.ANNOTATION + "]";

    private PodcheckAdmission() {}

    static AdmissionAnswer of(String body) {
        Manifest manifest;
        try {
            manifest = ScenarioReader.readManifests("pod.json", body).get(0);
        } catch (InputException e) {
            return AdmissionAnswer.refused(List.of("input: " + e.getMessage()));
        }
        if (!manifest.strictErrors().isEmpty()) {
            return AdmissionAnswer.refused(manifest.strictErrors().stream()
                    .map(e -> StrictDecodingError.PREFIX + e.message()).toList());
        }
        PodCreate create = PodCreate.of(manifest.scenario());
        List<Violation> violations = create.violations().stream()
                .filter(v -> !v.field().startsWith(SCENARIO_FIELD)).toList();
        if (!violations.isEmpty()) {
            return AdmissionAnswer.refused(violations.stream().map(Violation::message).toList());
        }
        // Computed here, not taken from create: a refusal of the scenario alone must not hide the pod's warnings.
        return AdmissionAnswer.accepted(Warnings.onCreate(create.defaulted().pod()).stream().map(Warning::text).toList(),
                ModelledFields.of(create.defaulted().pod()));
    }
}
