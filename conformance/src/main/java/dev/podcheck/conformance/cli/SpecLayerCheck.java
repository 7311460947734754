package dev.podcheck.conformance.cli;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;

/**
 * What {@code podcheck run} can check before the engine exists: that a scenario survives what the
 * apiserver and a manifest file do to it. Each failure names the rule it broke.
 */
final class SpecLayerCheck {
    static final int RULES = 4;

    private SpecLayerCheck() {}

    static void verify(Scenario scenario) {
        Scenario defaulted = Defaulting.apply(scenario);
        List<Violation> violations = Validation.validate(defaulted);
        if (!violations.isEmpty()) {
            throw new AssertionError("spec/generated-pods-validate: a generated pod MUST pass validation, got " + violations);
        }
        if (!Defaulting.apply(defaulted).equals(defaulted)) {
            throw new AssertionError("spec/defaulting-idempotent: defaulting a defaulted pod MUST change nothing");
        }
        if (!ScenarioReader.readOne("round trip", ScenarioWriter.toYaml(scenario)).equals(scenario)) {
            throw new AssertionError("spec/yaml-round-trip: reading a written scenario MUST give the same scenario");
        }
        if (PodQOS.compute(defaulted.pod()) == null) {
            throw new AssertionError("spec/qos-class: every pod MUST have a QoS class");
        }
    }
}
