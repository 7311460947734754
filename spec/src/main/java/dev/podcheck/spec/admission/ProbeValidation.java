package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.List;

/**
 * Probes (V-8..V-12), as validateProbe, validateLivenessProbe, validateReadinessProbe and
 * validateStartupProbe in pkg/apis/core/validation/validation.go check them.
 */
final class ProbeValidation {
    static final String NON_NEGATIVE = "must be greater than or equal to 0";

    private ProbeValidation() {}

    /** One probe of a regular container or sidecar, at {@code path} (e.g. {@code ...livenessProbe}). */
    static void probe(ProbeKind kind, Probe probe, Long gracePeriod, String path, List<Violation> out) {
        HandlerValidation.handlers(probe.handlers(), gracePeriod, path, out);
        nonNegative(probe.initialDelaySeconds(), path + ".initialDelaySeconds", out);
        nonNegative(probe.timeoutSeconds(), path + ".timeoutSeconds", out);
        nonNegative(probe.periodSeconds(), path + ".periodSeconds", out);
        nonNegative(probe.successThreshold(), path + ".successThreshold", out);
        nonNegative(probe.failureThreshold(), path + ".failureThreshold", out);
        Long probeGrace = probe.terminationGracePeriodSeconds();
        if (probeGrace != null && probeGrace <= 0) {
            out.add(Violation.invalid(path + ".terminationGracePeriodSeconds", probeGrace, "must be greater than 0"));
        }
        switch (kind) {
            case liveness, startup -> successThresholdIsOne(probe, path, out);
            case readiness -> noGracePeriod(probe, path, out);
        }
    }

    // V-9: a liveness or startup probe decides on its first success.
    private static void successThresholdIsOne(Probe probe, String path, List<Violation> out) {
        int success = probe.successThreshold() == null ? 0 : probe.successThreshold();
        if (success != 1) {
            out.add(Violation.invalid(path + ".successThreshold", success, "must be 1"));
        }
    }

    // V-10: a failing readiness probe never kills, so a kill grace period makes no sense.
    private static void noGracePeriod(Probe probe, String path, List<Violation> out) {
        if (probe.terminationGracePeriodSeconds() != null) {
            out.add(Violation.invalid(path + ".terminationGracePeriodSeconds",
                    probe.terminationGracePeriodSeconds(), "must not be set for readinessProbes"));
        }
    }

    // ValidateNonnegativeField; unset is Go's 0, which passes.
    private static void nonNegative(Integer value, String path, List<Violation> out) {
        if (value != null && value < 0) {
            out.add(Violation.invalid(path, value, NON_NEGATIVE));
        }
    }
}
