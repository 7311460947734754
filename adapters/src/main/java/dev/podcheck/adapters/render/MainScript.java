package dev.podcheck.adapters.render;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.SigtermResponse;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.Map;
import java.util.TreeSet;

/**
 * The script a rendered container runs as its process ({@code sh -c}). Per instance it counts
 * itself in the report volume, picks its behaviour entry, waits out startAfter, reports its start,
 * then keeps the health files (and probe servers and memory) as the entry says, and exits when the
 * entry says, or as it says on SIGTERM. Times in the script are milliseconds since the behaviour's
 * start (T0), like the behaviour's.
 */
final class MainScript {
    /** "Runs until stopped": the main loop sleeps a year at a time. */
    static final long FOREVER_MILLIS = 365L * 24 * 3600 * 1000;

    private MainScript() {}

    static String of(Container container, ContainerBehaviour behaviour, Map<ProbeKind, ProbeEndpoint> endpoints) {
        StringBuilder s = new StringBuilder(ScriptPrelude.common(container)).append(ScriptPrelude.pause());
        // A shell that is PID 1 gets no SIGTERM it has no trap for. Until startAfter is over the engine
        // has not started the process: SIGTERM just ends it.
        s.append("trap 'exit 143' TERM\n");
        s.append("OUT=/dev/stdout\n");
        s.append("mkdir -p \"$S\" \"$H\" \"$R/reports\" \"$W/cgi-bin\"\n");
        // The instance number is the container's restartCount: the volume outlives each instance.
        s.append("N=-1; [ -f \"$S/count\" ] && read N <\"$S/count\"; N=$((N + 1)); echo $N >\"$S/count\"\n");
        s.append("rm -f \"$H\"/*\n");
        // Hooks and probes find this process through "self"; its start time tells it from an earlier one.
        // No "$$": the kubelet expands $(VAR) and $$ in a container's command (ExpandContainerCommandAndArgs),
        // so $$ would reach the shell as "$". /proc/self in a builtin's redirection is the shell itself.
        s.append("read -r s </proc/self/stat; set -- $s; SELF=$1; ME=\"$N $SELF ${22}\"; echo \"$ME\" >\"$S/self\"\n");
        s.append(InstanceChoice.select(behaviour));
        s.append(InstanceChoice.perEntry(behaviour, MainScript::entryVariables));
        s.append(functions(behaviour));
        s.append("stamp; T0=$T; pause_until $SA\n");
        s.append("stamp; T0=$T; report start; echo \"$ME\" >\"$S/started\"\n");
        s.append("trap on_term TERM\n");
        s.append(httpServer(container, endpoints));
        s.append(InstanceChoice.perEntry(behaviour, b -> Timeline.of(b, endpoints).atStart()));
        String later = InstanceChoice.perEntry(behaviour, b -> Timeline.of(b, endpoints).later());
        if (!later.isEmpty()) {
            s.append("(\n").append(later).append(") &\n");
        }
        s.append("while :; do pause_until \"${XA:-").append(FOREVER_MILLIS).append("}\"; stamp;")
                .append(" [ -n \"$XA\" ] && [ $((T - T0)) -ge \"$XA\" ] && finish \"$XC\"; done\n");
        return s.toString();
    }

    /**
     * SA: startAfter; XA, XC: exit after, with code (XA empty: runs until stopped); TA, TC: exit that
     * long after SIGTERM with that code (TA empty: ignores SIGTERM).
     */
    private static String entryVariables(InstanceBehaviour b) {
        String exit = b.exit() == null ? "XA= XC=" : "XA=" + b.exit().after().toMillis() + " XC=" + b.exit().code();
        String term = b.onSigterm() instanceof SigtermResponse.ExitOnSigterm e
                ? "TA=" + e.after().toMillis() + " TC=" + e.code()
                : "TA= TC=";
        return "SA=" + b.startAfter().toMillis() + " " + exit + " " + term;
    }

    /**
     * up/down keep the health files; mem keeps memory held by processes that each read their share
     * from /dev/zero into one buffer (touching every page, so the container's cgroup is charged) and
     * then block writing it to a sleep that never reads. Killing the sleep ends the holder.
     * On SIGTERM an instance that exits does so at the earlier of its own exit and the SIGTERM exit,
     * as the engine has it.
     */
    private static String functions(ContainerBehaviour behaviour) {
        StringBuilder f = new StringBuilder("up() { : >\"$H/$1\"; }; down() { rm -f \"$H/$1\"; }\n");
        if (behaviour.instances().stream().anyMatch(b -> !b.memory().isEmpty())) {
            f.append("mem() { [ -z \"$M\" ] || kill $M; M=; for b; do")
                    .append(" dd if=/dev/zero bs=$b count=1 2>/dev/null | sleep ").append(FOREVER_MILLIS / 1000)
                    .append(" & M=\"$M $!\"; done; }\n");
        }
        // "exit <code> sigterm" when the SIGTERM response made the exit: the API never says which signal ended it.
        f.append("finish() { report exit \"$@\"; exit \"$1\"; }\n");
        f.append("on_term() { report sigterm; [ -n \"$TA\" ] || return 0; trap '' TERM;")
                .append(" stamp; at=$((T - T0 + TA)) code=$TC why=sigterm;")
                .append(" if [ -n \"$XA\" ] && [ \"$XA\" -le $at ]; then at=$XA code=$XC why=; fi;")
                .append(" pause_until $at; finish $code $why; }\n");
        return f.toString();
    }

    /**
     * Writes the CGI programs of the httpGet probes and starts their server. The CGI programs run
     * under the shell running this script, found through /proc (busybox as {@code busybox sh}).
     */
    private static String httpServer(Container container, Map<ProbeKind, ProbeEndpoint> endpoints) {
        StringBuilder s = new StringBuilder();
        TreeSet<Integer> ports = new TreeSet<>();
        endpoints.forEach((kind, endpoint) -> {
            if (endpoint instanceof ProbeEndpoint.HttpCgi http) {
                String file = "\"$W/cgi-bin/" + kind + "\"";
                s.append("printf '%s\\n' \"#!$BB\" ").append(ShellWord.quote(ProbeScript.cgi(container, kind)))
                        .append(" >").append(file).append("; chmod +x ").append(file).append('\n');
                ports.add(http.port());
            }
        });
        if (ports.isEmpty()) {
            return "";
        }
        StringBuilder server = new StringBuilder("BB=$(readlink /proc/$SELF/exe); case $BB in */busybox) BB=\"$BB sh\" ;; esac\n");
        server.append(s);
        ports.forEach(port -> server.append("httpd -f -p ").append(port).append(" -h \"$W\" &\n"));
        return server.toString();
    }
}
