package dev.podcheck.adapters.render;

import static dev.podcheck.adapters.render.MainScriptTest.LIMIT;
import static dev.podcheck.adapters.render.MainScriptTest.awaitStart;
import static dev.podcheck.adapters.render.MainScriptTest.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.pod.ProbeKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health windows acted for real: the main script keeps the health files while the windows pass,
 * and each kind of rewritten probe (exec, httpGet, tcpSocket) passes exactly then. Every check on
 * time is a lower bound: a probe cannot pass before its window opens, nor fail again before it
 * closes, however slow the machine.
 */
class HealthWindowTest {
    /**
     * The window every test uses: 150 ms to 2.5 s after the behaviour starts. The tests poll for the open window, so
     * it stays open long enough for a poll to see it on two busy cores (a probe exec can take hundreds of ms there).
     */
    static final String WINDOW = "[{from: 150ms, until: 2500ms}]";
    static final long OPENS = 150;
    static final long CLOSES = 2500;

    @TempDir
    Path tmp;

    static long startedAt(Busybox.Instance app) throws IOException {
        return ContainerReport.parseAll(app.output()).get(0).epochMillis();
    }

    /** Asks until the answer is {@code wanted}; returns when, by the wall clock, it first was. */
    static long firstTime(boolean wanted, String what, Callable<Boolean> ask) {
        long[] at = new long[1];
        Poll.until(LIMIT, what, () -> {
            boolean answer = ask.call();
            at[0] = System.currentTimeMillis();
            return answer == wanted;
        });
        return at[0];
    }

    @Nested
    class Exec {
        @Test
        void should_pass_exactly_while_the_window_passes_and_report_each_run() throws Exception {
            // GIVEN a readiness window, a startup probe that always passes and a liveness that never does
            RenderedPod pod = TestPods.app("{readiness: " + WINDOW + ", startup: always, liveness: never}",
                    "startupProbe: {exec: {command: [cat, /tmp/started]}}",
                    "livenessProbe: {exec: {command: [cat, /tmp/alive]}}",
                    "readinessProbe: {exec: {command: [cat, /tmp/ready]}}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);
                String readiness = TestPods.execProbe(pod, ProbeKind.readiness);

                // WHEN the readiness probe runs over the window
                long passed = firstTime(true, "readiness passes", () -> app.exec(readiness, LIMIT).exitCode() == 0);
                long failed = firstTime(false, "readiness fails again", () -> app.exec(readiness, LIMIT).exitCode() == 0);

                // THEN it passed only once the window was open, and failed again only once it closed
                long start = startedAt(app);
                assertThat(passed - start).isGreaterThanOrEqualTo(OPENS);
                assertThat(failed - start).isGreaterThanOrEqualTo(CLOSES);
                assertThat(app.exec(TestPods.execProbe(pod, ProbeKind.startup), LIMIT).exitCode()).isZero();
                assertThat(app.exec(TestPods.execProbe(pod, ProbeKind.liveness), LIMIT).exitCode()).isEqualTo(1);
                // AND every run reported itself in the main process's log and the volume, not in the termination log
                assertThat(events(app.output())).contains("app 0 probe readiness pass", "app 0 probe readiness fail",
                        "app 0 probe startup pass", "app 0 probe liveness fail");
                assertThat(events(sh.reportFile("app"))).containsExactlyElementsOf(events(app.output()));
                assertThat(events(app.terminationMessage())).containsExactly("app 0 start");
                // AND each report of a pass is stamped inside the window
                ContainerReport.parseAll(app.output()).stream()
                        .filter(r -> r.detail().equals("readiness pass"))
                        .forEach(r -> assertThat(r.epochMillis() - start).isGreaterThanOrEqualTo(OPENS));
            }
        }

        @Test
        void should_keep_a_file_per_probe_kind_only_for_the_kinds_the_container_probes() throws Exception {
            RenderedPod pod = TestPods.app("{readiness: always}", "readinessProbe: {exec: {command: [cat, /tmp/ready]}}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);
                Path health = sh.root.resolve("health/app");

                Poll.until(LIMIT, "the readiness file appears", () -> Files.exists(health.resolve("readiness")));
                try (var files = Files.list(health)) {
                    assertThat(files.map(p -> p.getFileName().toString())).containsExactly("readiness");
                }
            }
        }
    }

    @Nested
    class HttpGet {
        @Test
        void should_answer_200_exactly_while_the_window_passes() throws Exception {
            int port = freePort();
            RenderedPod pod = TestPods.app("{readiness: " + WINDOW + "}",
                    "readinessProbe: {httpGet: {path: /healthz, port: " + port + "}}");
            assertThat(TestPods.container(pod, "app").readinessProbe().httpGet().port().intValue()).isEqualTo(port);
            try (Busybox sh = Busybox.in(tmp)) {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
                URI uri = URI.create("http://127.0.0.1:" + port + ProbeEndpoint.HttpCgi.path(ProbeKind.readiness));
                status(client, uri); // the client's first request takes long: not in the window
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                long passed = firstTime(true, "readiness answers 200", () -> status(client, uri) == 200);
                long failed = firstTime(true, "readiness answers 503 again", () -> status(client, uri) == 503);

                long start = startedAt(app);
                assertThat(passed - start).isGreaterThanOrEqualTo(OPENS);
                assertThat(failed - start).isGreaterThanOrEqualTo(CLOSES);
                assertThat(events(app.output())).contains("app 0 probe readiness pass", "app 0 probe readiness fail");
            }
        }

        /** The status, or 0 while nothing listens yet. */
        private int status(HttpClient client, URI uri) throws InterruptedException {
            try {
                return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException refused) {
                return 0;
            }
        }
    }

    @Nested
    class TcpSocket {
        @Test
        void should_accept_connections_exactly_while_the_window_passes() throws Exception {
            int port = freePort();
            RenderedPod pod = TestPods.app("{liveness: " + WINDOW + "}", "livenessProbe: {tcpSocket: {port: " + port + "}}");
            try (Busybox sh = Busybox.in(tmp)) {
                Busybox.Instance app = sh.start(TestPods.main(pod));
                awaitStart(app);

                long accepted = firstTime(true, "a connection is accepted", () -> connects(port));
                long refused = firstTime(false, "connections are refused again", () -> connects(port));

                long start = startedAt(app);
                assertThat(accepted - start).isGreaterThanOrEqualTo(OPENS);
                assertThat(refused - start).isGreaterThanOrEqualTo(CLOSES);
            }
        }

        private boolean connects(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException refused) {
                return false;
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
