package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import dev.podcheck.spec.trace.TraceEvent.SandboxCreated;
import java.util.List;
import java.util.Set;

/**
 * node/sandbox-recreated (SEMANTICS SB-2, SB-3): what must happen, by when. After the runtime lost the pod's sandbox,
 * the kubelet's next SyncPod (the next relist, once the pod worker is free: the starts under way end first) creates a
 * new one with the next attempt,
 * unless the pod runs under restartPolicy Never or is being stopped; until then PodReadyToStartContainers is False.
 */
public final class SandboxRecreated implements Invariant {
    static final String MISSING = "the sandbox lost at %d ms was not created again by %d ms";
    static final String ATTEMPT = "the sandbox lost at %d ms was created again with attempt %d, not %d";
    static final String CONDITION = "PodReadyToStartContainers was not False between the sandbox loss at %d ms and the"
            + " new sandbox at %d ms";

    @Override
    public String id() {
        return "node/sandbox-recreated";
    }

    @Override
    public String must() {
        return "After a sandbox loss, the kubelet MUST create a new sandbox with the next attempt by its next relist,"
                + " reporting PodReadyToStartContainers False until then, unless the pod runs under restartPolicy Never"
                + " or is being stopped.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (createPodSandbox), SyncPod;"
                + " pkg/kubelet/kuberuntime/util PodSandboxChanged; status/generate.go; SEMANTICS SB-2, SB-3";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONDITIONS, Observation.KUBELET_EVENTS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        if (trial.scenario().pod().spec().restartPolicyValue() == RestartPolicy.Never) {
            return Verdict.HOLDS; // no new sandbox there: node/no-sandbox-under-never
        }
        List<TraceEvent> events = trial.trace().events();
        int attempts = 0;
        for (Disruptions.At loss : Disruptions.of(trial.trace(), TraceEvent.SandboxLost.class)) {
            boolean admitted = events.subList(0, loss.index()).stream()
                    .anyMatch(TraceEvent.ContainerStatusChanged.class::isInstance);
            // The next relist's SyncPod, once the pod worker is free: a start under way (its pull, its creation, its
            // postStart) finishes first, into the lost sandbox, and a kill it ends in after it (seed 102 trial 6575).
            long busy = RestartDue.busyThrough(trial, loss.at());
            if (busy >= Long.MAX_VALUE / 4) {
                continue; // held for good (a hung postStart, S-3b): no SyncPod comes, nothing is owed
            }
            long due = busy + RestartDue.longestStartChain(trial) + RestartDue.PLEG_RELIST_MILLIS
                    + trial.toleranceMillis();
            SandboxCreated created = null;
            boolean falseShown = false;
            for (int i = loss.index() + 1; i < events.size() && created == null; i++) {
                if (events.get(i) instanceof SandboxCreated c) {
                    created = c;
                } else if (events.get(i) instanceof PodConditionChanged p
                        && p.condition().type() == ConditionType.PodReadyToStartContainers && !p.condition().status()) {
                    falseShown = true;
                }
            }
            if (!admitted || Disruptions.stopping(trial.trace(), due)) {
                attempts += created == null ? 0 : 1;
                continue; // no sandbox yet (the first SyncPod creates it), or none owed
            }
            if (created == null || created.at() > due) {
                if (due < trial.horizonMillis()) {
                    return Verdict.violated(String.format(MISSING, loss.at(), due), loss.event());
                }
                continue;
            }
            attempts++;
            if (created.attempt() != attempts) {
                return Verdict.violated(String.format(ATTEMPT, loss.at(), created.attempt(), attempts), loss.event(),
                        created);
            }
            if (!falseShown) {
                return Verdict.violated(String.format(CONDITION, loss.at(), created.at()), loss.event(), created);
            }
        }
        return Verdict.HOLDS;
    }
}
