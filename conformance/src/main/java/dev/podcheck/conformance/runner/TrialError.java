package dev.podcheck.conformance.runner;

/**
 * A trial the target could not run (inconclusive, not a violation), and why: what a user needs to
 * fix the set-up (an image that cannot be pulled, a pod the runtime refuses).
 *
 * @param origin "seed S trial N" or the corpus file
 */
public record TrialError(String origin, String message) {}
