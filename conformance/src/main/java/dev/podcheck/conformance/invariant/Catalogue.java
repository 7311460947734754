package dev.podcheck.conformance.invariant;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.deadline.DeadlineInvariants;
import dev.podcheck.conformance.invariant.eviction.EvictionInvariants;
import dev.podcheck.conformance.invariant.finalizer.FinalizerInvariants;
import dev.podcheck.conformance.invariant.image.ImageInvariants;
import dev.podcheck.conformance.invariant.update.UpdateInvariants;
import dev.podcheck.conformance.invariant.init.InitInvariants;
import dev.podcheck.conformance.invariant.node.NodeInvariants;
import dev.podcheck.conformance.invariant.node.UntilNodeDisruption;
import dev.podcheck.conformance.invariant.phase.PhaseInvariants;
import dev.podcheck.conformance.invariant.localstorage.LocalStorageInvariants;
import dev.podcheck.conformance.invariant.pressure.EveryPodOnTheNode;
import dev.podcheck.conformance.invariant.pressure.PressureInvariants;
import dev.podcheck.conformance.invariant.probe.ProbeInvariants;
import dev.podcheck.conformance.invariant.qos.QoSInvariants;
import dev.podcheck.conformance.invariant.restart.RestartInvariants;
import dev.podcheck.conformance.invariant.sidecar.SidecarInvariants;
import dev.podcheck.conformance.invariant.status.StatusInvariants;
import dev.podcheck.conformance.invariant.termination.TerminationInvariants;
import dev.podcheck.conformance.invariant.trace.TraceInvariants;
import java.util.ArrayList;
import java.util.List;

/**
 * Every invariant podcheck checks, group by group in a stable order. The groups written before kubelet restarts and
 * sandbox losses judge each pod up to the first one (UntilNodeDisruption), but for {@code trace}, whose rules hold
 * across them (a restartCount may go down only as SB-5 says); group {@code node} judges them. In a node scenario, the
 * invariants of one pod's life judge every pod on the node (EveryPodOnTheNode); group {@code pressure} judges the
 * evictions across them, group {@code localstorage} the local storage limit evictions.
 */
public final class Catalogue {
    private Catalogue() {}

    public static List<Invariant> all() {
        List<Invariant> all = new ArrayList<>(EveryPodOnTheNode.each(TraceInvariants.all()));
        all.addAll(EveryPodOnTheNode.each(UntilNodeDisruption.each(beforeNodeDisruptions())));
        all.addAll(NodeInvariants.all());
        all.addAll(PressureInvariants.all());
        all.addAll(LocalStorageInvariants.all());
        return List.copyOf(all);
    }

    private static List<Invariant> beforeNodeDisruptions() {
        List<Invariant> all = new ArrayList<>();
        all.addAll(InitInvariants.all());
        all.addAll(SidecarInvariants.all());
        all.addAll(RestartInvariants.all());
        all.addAll(PhaseInvariants.all());
        all.addAll(ProbeInvariants.all());
        all.addAll(StatusInvariants.all());
        all.addAll(QoSInvariants.all());
        all.addAll(TerminationInvariants.all());
        all.addAll(DeadlineInvariants.all());
        all.addAll(EvictionInvariants.all());
        all.addAll(FinalizerInvariants.all());
        all.addAll(ImageInvariants.all());
        all.addAll(UpdateInvariants.all());
        return List.copyOf(all);
    }
}
