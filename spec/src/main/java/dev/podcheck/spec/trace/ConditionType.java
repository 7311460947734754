package dev.podcheck.spec.trace;

/** The pod condition types the kubelet writes (SEMANTICS ST-9), in the order it lists them. */
public enum ConditionType {
    PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled, DisruptionTarget
}
