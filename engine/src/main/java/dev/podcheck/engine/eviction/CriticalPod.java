package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Pod;

/**
 * pkg/kubelet/types/pod_update.go IsCriticalPod: a static pod, a mirror pod, or a pod whose
 * priority is at least SystemCriticalPriority. The eviction manager never evicts one (evictPod
 * returns false, SEMANTICS E-8); an unset priority is not critical.
 */
public final class CriticalPod {
    /** pkg/apis/scheduling SystemCriticalPriority = 2 * HighestUserDefinablePriority. */
    public static final int SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
    /** pkg/kubelet/types ConfigSourceAnnotationKey; "api" is the apiserver source. */
    public static final String CONFIG_SOURCE_ANNOTATION = "kubernetes.io/config.source";
    /** pkg/kubelet/types ConfigMirrorAnnotationKey (v1.MirrorPodAnnotationKey). */
    public static final String CONFIG_MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String API_SERVER_SOURCE = "api";

    private CriticalPod() {}

    public static boolean isCritical(Pod pod) {
        return isStatic(pod) || isMirror(pod) || isCriticalPriority(pod.spec().priority());
    }

    /** IsStaticPod: GetPodSource succeeds (the annotation is there) and is not the apiserver. */
    static boolean isStatic(Pod pod) {
        String source = pod.metadata().annotations().get(CONFIG_SOURCE_ANNOTATION);
        return source != null && !API_SERVER_SOURCE.equals(source);
    }

    /** IsMirrorPod: the annotation's presence is enough, whatever its value. */
    static boolean isMirror(Pod pod) {
        return pod.metadata().annotations().containsKey(CONFIG_MIRROR_ANNOTATION);
    }

    /** IsCriticalPodBasedOnPriority; a nil priority is never critical. */
    static boolean isCriticalPriority(Integer priority) {
        return priority != null && priority >= SYSTEM_CRITICAL_PRIORITY;
    }
}
