package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchCloseOffLoopTest {
    private final ExecutorService closer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        closer.shutdownNow();
    }

    /** The mock's onClosed waits for its sender thread; the caller (vert.x's event loop) must not wait with it. */
    @Test
    void should_return_from_on_closed_while_the_mock_still_waits_for_its_sender() throws InterruptedException {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        WebSocketListener mock = new WebSocketListener() {
            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                try {
                    sending.await();
                    closed.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        new WatchCloseOffLoop.ClosingElsewhere(mock, closer).onClosed(null, 1000, "done");

        assertThat(closed.getCount()).as("the close waits elsewhere").isEqualTo(1);
        sending.countDown();
        assertThat(closed.await(1, TimeUnit.MINUTES)).as("and completes once the send did").isTrue();
    }
}
