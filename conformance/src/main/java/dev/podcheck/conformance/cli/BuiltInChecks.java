package dev.podcheck.conformance.cli;

import dev.podcheck.conformance.invariant.WellFormedTrace;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;

/**
 * What {@code podcheck run} checks until the invariant catalogue exists: that a scenario survives
 * what the apiserver and a manifest file do to it, and that the reference engine gives it a
 * well-formed trace. Each failure names the rule it broke.
 */
final class BuiltInChecks {
    static final int RULES = 5;
    static final EngineOptions ENGINE = EngineOptions.DEFAULT;

    private BuiltInChecks() {}

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
        List<String> problems = WellFormedTrace.problems(defaulted.pod().spec(), Engine.simulate(defaulted, ENGINE),
                ENGINE.horizon().toMillis());
        if (!problems.isEmpty()) {
            throw new AssertionError("engine/well-formed-trace: the reference trace MUST be well formed, got " + problems);
        }
    }
}
