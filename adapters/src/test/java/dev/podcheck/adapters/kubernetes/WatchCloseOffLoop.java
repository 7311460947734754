package dev.podcheck.adapters.kubernetes;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the mock's watch-close handling off vert.x's event loop. Fabric8's mock (8.0.0) sends each watch
 * event from the watch's own executor thread and, not being on a vert.x thread, waits up to 30 s for
 * the write to complete (VertxMockWebSocket.awaitWrite); when the client closes that watch,
 * WatchEventsListener.onClosed runs on the event loop and waits for the executor to finish. A send
 * still pending then needs the very event loop that waits for it: the loop is stuck for 30 s, with
 * every request it serves (issue 21: "write did not complete within 30s", "eventloop-thread-0 has
 * been blocked", then a list that timed out). Closing on a thread of its own lets the write complete.
 */
final class WatchCloseOffLoop extends Dispatcher {
    private final Dispatcher next;
    private final ExecutorService closer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mock-watch-close");
        t.setDaemon(true);
        return t;
    });

    WatchCloseOffLoop(Dispatcher next) {
        this.next = next;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = next.dispatch(request);
        WebSocketListener listener = response == null ? null : response.getWebSocketListener();
        // an expectation may hand out one response many times: wrap its listener once
        return listener == null || listener instanceof ClosingElsewhere ? response
                : response.withWebSocketUpgrade(new ClosingElsewhere(listener, closer));
    }

    @Override
    public void shutdown() {
        closer.shutdown();
        next.shutdown();
    }

    /** A listener whose close and failure handling runs on {@code closer}; the rest stays where the mock calls it. */
    static final class ClosingElsewhere extends WebSocketListener {
        private final WebSocketListener delegate;
        private final ExecutorService closer;

        ClosingElsewhere(WebSocketListener delegate, ExecutorService closer) {
            this.delegate = delegate;
            this.closer = closer;
        }

        @Override
        public void onBeforeAccept(WebSocket webSocket, Response response) {
            delegate.onBeforeAccept(webSocket, response);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            delegate.onOpen(webSocket, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            delegate.onMessage(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            delegate.onMessage(webSocket, bytes);
        }

        @Override
        public void onMessage(WebSocket webSocket, byte[] bytes) {
            delegate.onMessage(webSocket, bytes);
        }

        @Override
        public void onPing(WebSocket webSocket, byte[] bytes) {
            delegate.onPing(webSocket, bytes);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            delegate.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closer.execute(() -> delegate.onClosed(webSocket, code, reason));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable cause, Response response) {
            closer.execute(() -> delegate.onFailure(webSocket, cause, response));
        }
    }
}
