package dev.podcheck.conformance.runner;

/**
 * One seed per trial, derived from the run's seed and the trial's number alone, so trial i is the
 * same scenario whatever ran before it: the basis for sharding and for replaying one trial.
 */
public record TrialSeeds(long runSeed) {
    public long forTrial(int trial) {
        // SplitMix64's finaliser over (seed, trial): well spread and cheap.
        long z = runSeed + 0x9E3779B97F4A7C15L * (trial + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
