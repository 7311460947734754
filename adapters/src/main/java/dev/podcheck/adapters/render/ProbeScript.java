package dev.podcheck.adapters.render;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;

/**
 * One probe run: passes exactly when the main script keeps the health file of its kind, and
 * reports the run. It runs outside the main process (exec'd by the kubelet, or as a CGI program of
 * busybox httpd), so it takes the instance and the main process from the volume's {@code self}
 * record and writes its line to that process's stdout, where the container log picks it up.
 */
final class ProbeScript {
    private ProbeScript() {}

    /** For an exec probe: exit status 0 passes, 1 fails. */
    static String exec(Container container, ProbeKind kind) {
        return body(container, kind, "exit 0", "exit 1");
    }

    /**
     * For an httpGet probe, as a CGI program: busybox httpd passes a reply that starts with a status
     * line as it is, and the kubelet counts 200 as a pass and 503 as a failure.
     */
    static String cgi(Container container, ProbeKind kind) {
        return body(container, kind, "printf 'HTTP/1.0 200 OK\\r\\n\\r\\n'",
                "printf 'HTTP/1.0 503 Service Unavailable\\r\\n\\r\\n'");
    }

    private static String body(Container container, ProbeKind kind, String pass, String fail) {
        return ScriptPrelude.common(container)
                + "read N P x <\"$S/self\"; OUT=/proc/$P/fd/1\n"
                + "if [ -f \"$H/" + kind + "\" ]; then report probe '" + kind + " pass'; " + pass + "; "
                + "else report probe '" + kind + " fail'; " + fail + "; fi\n";
    }
}
