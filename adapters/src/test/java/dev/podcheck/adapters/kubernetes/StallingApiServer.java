package dev.podcheck.adapters.kubernetes;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An API server on 127.0.0.1 that never finishes an answer: a watch request gets no answer at all,
 * any other request gets its headers and then one byte a second. Each stall ends by itself after
 * 30 seconds, or when the server is closed.
 */
final class StallingApiServer implements AutoCloseable {
    private static final int STALL_SECONDS = 30;

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stalling-api-server");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    StallingApiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            if (query != null && query.contains("watch=true")) {
                stall(() -> {});
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            byte[] text = "{\"kind\":\"PodList\",\"items\":[]}                           "
                    .getBytes(StandardCharsets.UTF_8);
            int[] at = {0};
            stall(() -> {
                body.write(text[at[0]++ % text.length]);
                body.flush();
            });
            exchange.close();
        });
        server.start();
    }

    private interface Tick {
        void run() throws IOException;
    }

    private void stall(Tick each) {
        try {
            for (int s = 0; s < STALL_SECONDS && !closed; s++) {
                each.run();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing: the stall is over.
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        handlers.shutdownNow();
    }
}
