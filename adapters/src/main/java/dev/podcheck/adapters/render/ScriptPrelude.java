package dev.podcheck.adapters.render;

import dev.podcheck.spec.pod.Container;

/**
 * The head of every script of one container (its main process, hooks and probes): where the report
 * volume is and the functions that time-stamp and report. Two environment variables let the tests
 * run the scripts outside a container: {@value #ROOT_VARIABLE} (the mount) and
 * {@value #TERMINATION_LOG_VARIABLE} (the container's terminationMessagePath).
 */
final class ScriptPrelude {
    static final String ROOT_VARIABLE = "PODCHECK_ROOT";
    static final String TERMINATION_LOG_VARIABLE = "PODCHECK_TERMINATION_LOG";

    private ScriptPrelude() {}

    /**
     * Variables and {@code stamp}, {@code report}. A report line goes to the volume's report file,
     * to {@code $OUT} (the main process's stdout, which the caller sets) and, unless it is a probe
     * run, to the termination log: the kubelet keeps at most 4096 bytes of it, so the few lines an
     * instance's life makes go there as they happen (an instance killed by SIGKILL keeps them too),
     * and the many probe lines stay out.
     *
     * <p>{@code stamp} sets T to the epoch in milliseconds. busybox {@code date} has no %N; busybox
     * ash (with its bash extensions, on in defconfig and so in the busybox image and in Debian's
     * busybox) has EPOCHREALTIME in microseconds, read without a fork. A shell without it gets whole
     * seconds.
     */
    static String common(Container container) {
        return String.join("\n",
                "R=${" + ROOT_VARIABLE + ":-" + PodRenderer.MOUNT_PATH + "} C=" + ShellWord.quote(container.name()),
                "S=$R/state/$C H=$R/health/$C W=$R/www/$C",
                "TL=${" + TERMINATION_LOG_VARIABLE + ":-" + ShellWord.quote(container.terminationMessagePath()) + "}",
                "stamp() { T=$EPOCHREALTIME; if [ -n \"$T\" ]; then T=${T%???}; T=${T%.*}${T#*.};"
                        + " else T=$(date +%s)000; fi; }",
                "report() { stamp; l=\"$T $C $N $*\"; echo \"$l\" >>\"$R/reports/$C.log\"; echo \"$l\" >>\"$OUT\";"
                        + " [ \"$1\" = probe ] || echo \"$l\" >>\"$TL\"; }",
                "");
    }

    /**
     * {@code pause_until MS}: sleeps until MS milliseconds after T0. The sleep runs in the background
     * and the shell waits for it, because ash runs a trap only between commands: a foreground sleep
     * would hold SIGTERM back until it ends.
     */
    static String pause() {
        return "pause_until() { stamp; d=$(($1 + T0 - T)); [ $d -gt 0 ] || return 0;"
                + " sleep $((d / 1000)).$(printf %03d $((d % 1000))) & w=$!; wait $w; kill $w 2>/dev/null; }\n";
    }
}
