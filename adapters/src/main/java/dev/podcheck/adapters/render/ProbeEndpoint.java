package dev.podcheck.adapters.render;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ExecAction;
import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.TCPSocketAction;
import java.util.List;

/**
 * How a rendered container answers one kind of probe. The probe keeps its kind and every timing
 * field; only its handler changes, to one that follows the health window of the behaviour: the
 * main script keeps the file {@code health/<container>/<kind>} in the report volume exactly while
 * the window passes.
 */
sealed interface ProbeEndpoint {

    /** The same probe with the handler that asks this endpoint. */
    Probe rewrite(Probe original, Container container, ProbeKind kind);

    /** Shell that makes the probe pass besides the health file appearing; empty when the file is enough. */
    default String startServing(ProbeKind kind) {
        return "";
    }

    /** Shell that makes the probe fail besides the health file going; empty when the file is enough. */
    default String stopServing(ProbeKind kind) {
        return "";
    }

    /** An exec probe testing the health file (also what a gRPC probe becomes: busybox serves no gRPC). */
    record FileTest() implements ProbeEndpoint {
        @Override
        public Probe rewrite(Probe original, Container container, ProbeKind kind) {
            ExecAction exec = new ExecAction(List.of("sh", "-c", ProbeScript.exec(container, kind)));
            return original.withHandlers(exec, null, null, null);
        }
    }

    /**
     * An httpGet probe of {@code /cgi-bin/<kind>} on {@code port}, served for the whole instance by
     * busybox httpd, whose CGI program answers 200 or 503 from the health file.
     */
    record HttpCgi(int port) implements ProbeEndpoint {
        @Override
        public Probe rewrite(Probe original, Container container, ProbeKind kind) {
            // Host and scheme go: the pod's own IP and plain HTTP (busybox httpd has no TLS); headers stay.
            HTTPGetAction get = new HTTPGetAction(path(kind), IntOrString.of(port), null, "HTTP",
                    original.httpGet().extra());
            return original.withHandlers(null, get, null, null);
        }

        static String path(ProbeKind kind) {
            return "/cgi-bin/" + kind;
        }
    }

    /** A tcpSocket probe of {@code port}, where a busybox httpd listens exactly while the window passes. */
    record TcpListener(int port) implements ProbeEndpoint {
        @Override
        public Probe rewrite(Probe original, Container container, ProbeKind kind) {
            return original.withHandlers(null, null, new TCPSocketAction(IntOrString.of(port), null), null);
        }

        @Override
        public String startServing(ProbeKind kind) {
            return "httpd -f -p " + port + " -h \"$W\" & " + pidVariable(kind) + "=$!";
        }

        @Override
        public String stopServing(ProbeKind kind) {
            return "kill $" + pidVariable(kind);
        }

        /** The shell variable holding the listener's process id. */
        private static String pidVariable(ProbeKind kind) {
            return "L" + kind;
        }
    }
}
