package dev.podcheck.cli;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A target named "standin" that is the engine underneath, with what a test needs to change: what it
 * can observe, how long a trial takes, and what happens on the n-th trial (counted from 1).
 */
final class StandInProvider implements TargetProvider {
    Set<Observation> observations = new EngineTarget().observations();
    long millisPerTrial;
    IntConsumer onTrial = n -> {};
    RuntimeException observationsFailure;
    Error observationsError;
    boolean unusable;
    final AtomicInteger trials = new AtomicInteger();

    @Override
    public String name() {
        return "standin";
    }

    @Override
    public String description() {
        return "the engine, with a test's changes";
    }

    @Override
    public Target open() throws Target.TargetException {
        if (unusable) {
            throw new Target.TargetException("the stand-in is switched off", null);
        }
        EngineTarget engine = new EngineTarget();
        return new Target() {
            @Override
            public String name() {
                return "standin";
            }

            @Override
            public Set<Observation> observations() {
                if (observationsError != null) {
                    throw observationsError;
                }
                return observations;
            }

            @Override
            public Duration tolerance() {
                return Duration.ZERO;
            }

            @Override
            public boolean reference() {
                return true;
            }

            @Override
            public Trace run(Scenario defaulted, Duration horizon) {
                onTrial.accept(trials.incrementAndGet());
                if (millisPerTrial > 0) {
                    try {
                        Thread.sleep(millisPerTrial);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return engine.run(defaulted, horizon);
            }

            @Override
            public void close() {}
        };
    }
}
