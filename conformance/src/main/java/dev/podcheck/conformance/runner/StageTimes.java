package dev.podcheck.conformance.runner;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a run's time went, stage by stage, summed over the threads that ran trials: drawing each
 * scenario, defaulting it as the apiserver does, running it on the target, and judging its trace
 * against the catalogue. Read while the run goes on or after it; the stages' sum over the wall time
 * is how busy the trial threads were.
 */
public final class StageTimes {
    /** One moment's figures. */
    public record Split(Duration generate, Duration admit, Duration run, Duration evaluate, int trials) {
        public Duration total() {
            return generate.plus(admit).plus(run).plus(evaluate);
        }
    }

    private final LongAdder generate = new LongAdder();
    private final LongAdder admit = new LongAdder();
    private final LongAdder run = new LongAdder();
    private final LongAdder evaluate = new LongAdder();
    private final LongAdder trials = new LongAdder();

    void generated(long nanos) {
        generate.add(nanos);
    }

    void admitted(long nanos) {
        admit.add(nanos);
    }

    void ran(long nanos) {
        run.add(nanos);
    }

    void evaluated(long nanos) {
        evaluate.add(nanos);
        trials.increment();
    }

    public Split split() {
        return new Split(Duration.ofNanos(generate.sum()), Duration.ofNanos(admit.sum()), Duration.ofNanos(run.sum()),
                Duration.ofNanos(evaluate.sum()), trials.intValue());
    }
}
