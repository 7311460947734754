package dev.podcheck.adapters.render;

import dev.podcheck.conformance.api.Target.TargetException;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.scenario.LoseSandbox;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.PatchCondition;
import dev.podcheck.spec.scenario.RemoveFinalizers;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.UpdatePod;
import java.util.ArrayList;
import java.util.List;

/**
 * What the real targets cannot act yet, said instead of ignored (their providers also keep the
 * generator from drawing it, Size.apiPatches, terminationMessages, imagePulls and nodeDisruptions): finalizers, which
 * nothing would remove from a real pod, and the events that patch or update the pod; termination messages and
 * logs, because the rendered scripts use the termination log and stdout for their own reports; the
 * node's images, since the rendered pod runs its own image and no registry stages a slow or failing one; kubelet
 * restarts and sandbox losses, which would restart or stop the node's kubelet and runtime under every other trial
 * sharing the node; node scenarios (Size.nodePressure), whose pods and memory condition would need a node of their own;
 * disk use (Size.nodePressure too), which the rendered scripts do not write, so a local storage limit eviction
 * (SEMANTICS LS-6) would not happen as the scenario says; writes to emptyDir volumes (LS-5), for the same reason;
 * tasks, which the scripts do not start, and a PID condition (NP-6) or a filesystem condition (NP-7), which would hold
 * every trial on the node.
 */
public final class UnsupportedFeatures {
    private UnsupportedFeatures() {}

    /** One phrase per feature of {@code defaulted} that the rendered pod cannot act. */
    public static List<String> of(Scenario defaulted) {
        List<String> out = new ArrayList<>();
        if (!defaulted.pod().metadata().finalizers().isEmpty()) {
            out.add("metadata.finalizers (nothing would remove them from the real pod)");
        }
        if (defaulted.events().stream().anyMatch(RemoveFinalizers.class::isInstance)) {
            out.add("the removeFinalizers event (a patch of metadata.finalizers)");
        }
        if (defaulted.events().stream().anyMatch(PatchCondition.class::isInstance)) {
            out.add("the patchCondition event (a status patch of a readiness gate's condition)");
        }
        if (defaulted.events().stream().anyMatch(UpdatePod.class::isInstance)) {
            out.add("the updatePod event (an update of the pod's spec)");
        }
        if (defaulted.events().stream().anyMatch(RestartKubelet.class::isInstance)) {
            out.add("the restartKubelet event (a restart of the node's kubelet, under every trial on the node)");
        }
        if (defaulted.events().stream().anyMatch(LoseSandbox.class::isInstance)) {
            out.add("the loseSandbox event (stopping the pod's sandbox through the node's runtime)");
        }
        if (defaulted.isNodeScenario()) {
            out.add("neighbours (a node scenario: its pods would share a node with every other trial's, under a"
                    + " memory condition podcheck cannot put on a real node)");
        }
        boolean writes = defaulted.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(UnsupportedFeatures::writesOutput);
        if (writes) {
            out.add("behaviours' terminationMessage and log (the rendered scripts report through the termination log"
                    + " and stdout)");
        }
        boolean usesDisk = defaulted.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(instance -> !instance.disk().isEmpty());
        if (usesDisk) {
            out.add("behaviours' disk (the rendered scripts write nothing to their writable layer)");
        }
        boolean runsTasks = defaulted.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(instance -> !instance.processes().isEmpty());
        if (runsTasks) {
            out.add("behaviours' processes (the rendered scripts start no extra tasks)");
        }
        if (defaulted.events().stream().anyMatch(NodePidPressure.class::isInstance)) {
            out.add("the nodePidPressure event (a PID limit and eviction threshold on the node, under every trial on it)");
        }
        if (defaulted.events().stream().anyMatch(NodeDiskPressure.class::isInstance)) {
            out.add("the nodeDiskPressure event (a filesystem size and eviction threshold on the node, under every trial "
                    + "on it)");
        }
        boolean writesVolumes = defaulted.behaviours().values().stream().flatMap(b -> b.instances().stream())
                .anyMatch(instance -> !instance.volumes().isEmpty());
        if (writesVolumes) {
            out.add("behaviours' volumes (the rendered scripts write nothing to emptyDir volumes)");
        }
        if (!defaulted.images().isEmpty()) {
            out.add("the scenario's images (pull times and failures: no registry stages them for the rendered pod)");
        }
        return out;
    }

    /** Refuses, as an inconclusive trial that names each feature, a scenario this target cannot act. */
    public static void refuse(Scenario defaulted, String target) throws TargetException {
        List<String> unsupported = of(defaulted);
        if (!unsupported.isEmpty()) {
            throw new TargetException("the " + target + " target cannot run this scenario yet: it does not support "
                    + String.join("; ", unsupported), null);
        }
    }

    private static boolean writesOutput(InstanceBehaviour instance) {
        return !instance.terminationMessage().isEmpty() || !instance.log().isEmpty();
    }
}
