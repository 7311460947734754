package dev.podcheck.adapters.render;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.util.function.Function;

/**
 * The exec hook that acts a {@link HookBehaviour}: it reports its start, takes its time, reports
 * its end and fails (exit 1) if the behaviour says so. Whatever handler the spec had (exec,
 * httpGet, sleep), the engine times the hook by its behaviour alone, and so does this script.
 *
 * <p>The kubelet runs postStart as soon as the runtime has started the process, maybe before the
 * main script has counted itself, and certainly before startAfter is over. So the hook waits until
 * the volume's {@code started} record names the process now running (same pid, same start time in
 * /proc): only then does it know its instance, and it starts when the behaviour starts, as in the
 * engine, which keeps the kubelet's start call busy for startAfter too.
 */
final class HookScript {
    private HookScript() {}

    static String of(Container container, ContainerBehaviour behaviour, Hook hook) {
        Function<InstanceBehaviour, HookBehaviour> pick = hook == Hook.postStart
                ? InstanceBehaviour::postStart : InstanceBehaviour::preStop;
        return ScriptPrelude.common(container) + ScriptPrelude.pause()
                + "until [ -f \"$S/started\" ] && read N P ST <\"$S/started\" && read -r s </proc/$P/stat"
                + " && set -- $s && [ \"${22}\" = \"$ST\" ]; do sleep 0.02; done 2>/dev/null\n"
                + "OUT=/proc/$P/fd/1\n"
                + InstanceChoice.select(behaviour)
                + InstanceChoice.perEntry(behaviour, b -> "HT=" + pick.apply(b).takes().toMillis()
                        + " HF=" + (pick.apply(b).fails() ? 1 : 0))
                + "stamp; T0=$T; report hook-start " + hook + "\n"
                + "pause_until $HT\n"
                + "[ \"$HF\" = 0 ] || { report hook-end '" + hook + " fail'; exit 1; }\n"
                + "report hook-end '" + hook + " ok'\n";
    }
}
