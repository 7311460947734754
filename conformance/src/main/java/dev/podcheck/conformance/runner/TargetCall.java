package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;

/** One call of the target's run, bounded in wall time (by {@link TrialDeadline} or {@link TrialWorkers}). */
interface TargetCall {
    Trace run(Target target, Scenario defaulted, Duration horizon) throws Target.TargetException;
}
