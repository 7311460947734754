package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The features the coverage table measures in the default budget, in the order it lists them. */
final class TrialFeatures {
    /** The kubelet forgets a container's back-off after a run this long. */
    static final long BACK_OFF_RESET_MILLIS = 600_000;

    /** What the log fallback keeps of a log of more than 80 empty lines. */
    private static final String LOG_AT_THE_LINE_LIMIT = "\n".repeat(80);

    static final List<Feature> ALL = List.of(
            spec("init-containers", s -> s.initContainers().stream().anyMatch(c -> !c.isSidecar())),
            spec("sidecars", s -> !s.sidecars().isEmpty()),
            spec("restartPolicy=Always", s -> s.restartPolicyValue() == RestartPolicy.Always),
            spec("restartPolicy=OnFailure", s -> s.restartPolicyValue() == RestartPolicy.OnFailure),
            spec("restartPolicy=Never", s -> s.restartPolicyValue() == RestartPolicy.Never),
            spec("startup-probe", s -> s.allContainers().anyMatch(c -> c.startupProbe() != null)),
            spec("liveness-probe", s -> s.allContainers().anyMatch(c -> c.livenessProbe() != null)),
            spec("readiness-probe", s -> s.allContainers().anyMatch(c -> c.readinessProbe() != null)),
            spec("resources", s -> s.allContainers().anyMatch(c -> c.resources() != null
                    && !c.resources().equals(ResourceRequirements.NONE))),
            spec("priority", s -> s.priority() != null || s.extra().containsKey("priorityClassName")),
            spec("readiness-gates", s -> !s.readinessGates().isEmpty()),
            spec("active-deadline", s -> s.activeDeadlineSeconds() != null),
            new Feature("finalizers", t -> t.scenario().pod().metadata().finalizers() != null
                    && !t.scenario().pod().metadata().finalizers().isEmpty()),
            new Feature("postStart", t -> hooked(t, true)),
            new Feature("preStop", t -> hooked(t, false)),
            new Feature("preStop-longer-than-grace", TrialFeatures::preStopOutlastsGrace),
            new Feature("deletion", t -> deletions(t).findAny().isPresent()),
            new Feature("deletion-grace-longer-than-pod's", t -> deletions(t).anyMatch(d -> d.gracePeriodSeconds() != null
                    && d.gracePeriodSeconds() > podGrace(t))),
            new Feature("deletion-grace-shorter-than-pod's", t -> deletions(t).anyMatch(d -> d.force()
                    || d.gracePeriodSeconds() != null && d.gracePeriodSeconds() < podGrace(t))),
            event("pod-stop-kill", e -> e instanceof KubeletEvent k && k.reason().equals("Killing")
                    && k.message().startsWith("Stopping container ")),
            event("liveness-kill", e -> e instanceof KubeletEvent k && k.message().contains("failed liveness probe")),
            event("startup-kill", e -> e instanceof KubeletEvent k && k.message().contains("failed startup probe")),
            new Feature("readiness-lost", TrialFeatures::readinessLost),
            new Feature("restart", t -> statuses(t).anyMatch(s -> s.status().restartCount() > 0)),
            new Feature("init-container-restart", TrialFeatures::initRestarted),
            new Feature("sidecar-restart", t -> statuses(t).anyMatch(s -> s.status().restartCount() > 0
                    && t.scenario().pod().spec().sidecars().stream().anyMatch(c -> c.name().equals(s.status().name())))),
            event("crash-loop-back-off", e -> e instanceof ContainerStatusChanged s
                    && s.status().state() instanceof ContainerState.Waiting w && "CrashLoopBackOff".equals(w.reason())),
            new Feature("back-off-at-its-cap", t -> statuses(t).anyMatch(s -> s.status().restartCount() >= 6)),
            new Feature("run-past-the-back-off-reset", t -> terminated(t).anyMatch(x -> x.finishedAt() - x.startedAt()
                    > BACK_OFF_RESET_MILLIS)),
            exit("exit-0", code -> code == 0),
            exit("exit-own-non-zero", code -> code != 0 && code != 137 && code != 143),
            exit("exit-137", code -> code == 137),
            exit("exit-143", code -> code == 143),
            new Feature("oom-kill", t -> terminated(t).anyMatch(x -> "OOMKilled".equals(x.reason()))),
            event("deadline-exceeded", e -> e instanceof KubeletEvent k && k.reason().equals("DeadlineExceeded")),
            new Feature("node-pressure", t -> t.scenario().events().stream().anyMatch(NodeMemoryPressure.class::isInstance)),
            event("eviction", e -> e instanceof TraceEvent.PodEvicted),
            spec("ephemeral-storage-limit", s -> s.allContainers()
                    .anyMatch(c -> c.resources().limit("ephemeral-storage").isPresent())),
            event("local-storage-eviction", e -> e instanceof TraceEvent.PodEvicted p
                    && p.resource().equals("ephemeral-storage") && !p.message().startsWith("The node was low")),
            spec("emptyDir-sizeLimit", s -> EmptyDirVolume.of(s).stream().anyMatch(EmptyDirVolume::limited)),
            event("emptyDir-eviction", e -> e instanceof TraceEvent.PodEvicted p
                    && p.message().startsWith("Usage of EmptyDir volume ")),
            new Feature("pid-pressure", t -> t.scenario().events().stream().anyMatch(NodePidPressure.class::isInstance)),
            event("pid-eviction", e -> e instanceof TraceEvent.PodEvicted p && p.resource().equals("pids")),
            new Feature("disk-pressure", t -> t.scenario().events().stream().anyMatch(NodeDiskPressure.class::isInstance)),
            event("disk-eviction", e -> e instanceof TraceEvent.PodEvicted p && p.resource().equals("ephemeral-storage")
                    && p.message().startsWith("The node was low on resource: ")),
            new Feature("node-scenario", t -> t.scenario().isNodeScenario()),
            new Feature("evictions-on-one-node", t -> evictionsOnTheNode(t) >= 2),
            event("pod-removed", e -> e instanceof TraceEvent.PodRemoved),
            event("image-pull", e -> e instanceof KubeletEvent k && k.reason().equals("Pulling")),
            new Feature("failed-pull", t -> statuses(t).anyMatch(s -> s.status().state() instanceof ContainerState.Waiting w
                    && ("ErrImagePull".equals(w.reason()) || "ImagePullBackOff".equals(w.reason())))),
            spec("pull-policy-never", s -> s.allContainers().anyMatch(c -> "Never".equals(c.imagePullPolicy()))),
            event("image-update", e -> e instanceof TraceEvent.PodUpdated u && !u.images().isEmpty()),
            event("update-refused", e -> e instanceof TraceEvent.UpdateRefused),
            event("kubelet-restart", e -> e instanceof TraceEvent.KubeletRestarted),
            event("sandbox-loss", e -> e instanceof TraceEvent.SandboxLost),
            event("sandbox-created", e -> e instanceof TraceEvent.SandboxCreated),
            new Feature("termination-message", t -> terminated(t).anyMatch(x -> x.message() != null
                    && !x.message().isEmpty())),
            // a log fallback that kept 80 lines: the line limit (TM-3), not the byte limit, decided
            new Feature("log-at-the-line-limit", t -> terminated(t)
                    .anyMatch(x -> LOG_AT_THE_LINE_LIMIT.equals(x.message()))));

    private TrialFeatures() {}

    static Feature named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name));
    }

    private static Feature spec(String name, Predicate<PodSpec> test) {
        return new Feature(name, t -> test.test(t.scenario().pod().spec()));
    }

    private static Feature event(String name, Predicate<TraceEvent> test) {
        return new Feature(name, t -> t.trace().events().stream().anyMatch(test));
    }

    private static Feature exit(String name, IntPredicate code) {
        return new Feature(name, t -> terminated(t).anyMatch(x -> code.test(x.exitCode())));
    }

    /** Pressure evictions over every pod of the node. */
    private static long evictionsOnTheNode(Observed t) {
        return Stream.concat(Stream.of(t.trace()), t.trace().neighbours().values().stream())
                .flatMap(trace -> trace.all(TraceEvent.PodEvicted.class)).count();
    }

    private static Stream<ContainerStatusChanged> statuses(Observed t) {
        return t.trace().all(ContainerStatusChanged.class);
    }

    private static Stream<ContainerState.Terminated> terminated(Observed t) {
        return statuses(t).map(s -> s.status().state()).filter(ContainerState.Terminated.class::isInstance)
                .map(ContainerState.Terminated.class::cast);
    }

    private static Stream<DeletePod> deletions(Observed t) {
        return t.scenario().events().stream().filter(DeletePod.class::isInstance).map(DeletePod.class::cast);
    }

    private static long podGrace(Observed t) {
        Long grace = t.scenario().pod().spec().terminationGracePeriodSeconds();
        return grace == null ? 30 : grace;
    }

    private static Stream<InstanceBehaviour> instances(Observed t, Container c) {
        return t.scenario().behaviour(c.name()).instances().stream();
    }

    private static boolean hooked(Observed t, boolean postStart) {
        return t.scenario().pod().spec().allContainers().anyMatch(c -> c.lifecycle() != null
                && (postStart ? c.lifecycle().postStart() : c.lifecycle().preStop()) != null);
    }

    private static boolean preStopOutlastsGrace(Observed t) {
        return t.scenario().pod().spec().allContainers()
                .filter(c -> c.lifecycle() != null && c.lifecycle().preStop() != null)
                .flatMap(c -> instances(t, c))
                .anyMatch(i -> i.preStop() != null && i.preStop().takes().toSeconds() > podGrace(t));
    }

    private static boolean readinessLost(Observed t) {
        return t.trace().all(TraceEvent.ProbeResult.class).anyMatch(r -> !r.success()
                && r.probe() == ProbeKind.readiness)
                && statuses(t).anyMatch(s -> s.status().ready());
    }

    private static boolean initRestarted(Observed t) {
        return statuses(t).anyMatch(s -> s.status().restartCount() > 0 && t.scenario().pod().spec().initContainers()
                .stream().anyMatch(c -> !c.isSidecar() && c.name().equals(s.status().name())));
    }
}
