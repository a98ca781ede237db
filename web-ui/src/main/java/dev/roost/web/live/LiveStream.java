package dev.roost.web.live;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser's event stream: everything it is sent goes through its own single sender thread and bounded
 * queue, so writes never overlap and a browser that stops reading is dropped instead of holding up the feed.
 *
 * <p>Events are written to the servlet stream directly rather than with {@code SseClient.sendEvent}: on a
 * failed write Javalin 7.2 closes the client, completing a response Jetty has already recycled, and logs
 * thousands of exceptions per browser that left. Here a failed write only ends the stream; Jetty has ended
 * the request itself.
 */
final class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final SseClient client;
    private final OutputStream out;
    private final String ip;
    private final int backlog;
    private final ThreadPoolExecutor sender;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Runnable onEnd = () -> { };

    LiveStream(SseClient client, int backlog) throws IOException {
        this.client = client;
        this.out = client.ctx().res().getOutputStream();
        this.ip = client.ctx().ip();
        this.backlog = backlog;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(backlog),
                runnable -> {
                    Thread thread = new Thread(runnable, "roost-live-" + STREAMS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs {@code onEnd} when Jetty completes the stream, a write fails, or it is dropped; at once if that has
     * already happened, so it may run twice in a race and must not mind.
     */
    void whenEnded(Runnable onEnd) {
        this.onEnd = onEnd;
        client.onClose(this::end);
        // Jetty knows first when a browser went away; writing to the stream after that only makes noise.
        client.ctx().req().getAsyncContext().addListener(new JettyEnd(this::end));
        if (ended.get()) {
            onEnd.run();
        }
    }

    /** A comment line; {@code text} must not contain a line break. */
    void comment(String text) {
        enqueue((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A named event; {@code data} must not contain a line break (compact JSON never does). */
    void event(String name, String data) {
        enqueue(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void enqueue(byte[] bytes) {
        if (ended.get()) {
            return;
        }
        try {
            sender.execute(() -> write(bytes));
        } catch (RejectedExecutionException e) {
            log.atWarn().addKeyValue("backlog", backlog).addKeyValue("ip", ip)
                    .log("live browser too slow, disconnecting it; it reloads the devices when it reconnects");
            end();
            client.close();
        }
    }

    private void write(byte[] bytes) {
        if (ended.get()) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // The browser left (or Jetty is closing the stream); it reconnects by itself and catches up.
            log.atDebug().addKeyValue("ip", ip).log("live stream ended by a failed write: {}", e.toString());
            end();
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            sender.shutdownNow();
            onEnd.run();
        }
    }

    /** Runs {@code end} when Jetty completes the stream, by error, timeout or the browser leaving. */
    private record JettyEnd(Runnable end) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            end.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            end.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // The stream starts once; nothing to prepare.
        }
    }
}
