/**
 * Node-pressure eviction for memory, as the kubelet's eviction manager decides it
 * (pkg/kubelet/eviction): whether the hard threshold is met, how pods rank, which one pod goes
 * this loop, and what the evicted pod's status says (SEMANTICS E-1..E-8). Pure functions over
 * values: no clock, no randomness.
 */
package dev.podcheck.engine.eviction;
