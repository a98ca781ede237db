package dev.roost.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/live}: the last message of every topic, then each new one, as server-sent events named
 * {@code message}, each {@code {"topic","payload","at"}}. A browser's {@code EventSource} reconnects by itself; the page reloads the
 * devices on every (re)connect, so nothing missed while it was away stays missing.
 */
public final class LiveRoutes {

    private static final Logger log = LoggerFactory.getLogger(LiveRoutes.class);
    /**
     * Messages waiting for one slow browser (room for the first burst of {@link LiveFeed#latest()} and then some);
     * beyond this it is disconnected and catches up on reconnect.
     */
    private static final int BACKLOG = LiveFeed.MAX_LATEST + 256;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final LiveFeed feed;
    private final ObjectMapper json;

    public LiveRoutes(LiveFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/live", new SseHandler(this::open));
    }

    private void open(SseClient client) {
        client.keepAlive();
        // One sender per browser, so a phone that left the Wi-Fi cannot hold up the feed for the others.
        ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKLOG), runnable -> {
            Thread thread = new Thread(runnable, "roost-live-" + STREAMS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean gone = new AtomicBoolean();
        // The last value of every topic first, so topics that are not devices get their tiles at once.
        for (LiveMessage last : feed.latest()) {
            sender.execute(() -> client.sendEvent("message", text(last)));
        }
        LiveSubscription subscription = feed.subscribe(message -> {
            try {
                sender.execute(() -> {
                    if (!gone.get()) {
                        client.sendEvent("message", text(message));
                    }
                });
            } catch (RejectedExecutionException e) {
                log.atWarn().addKeyValue("backlog", BACKLOG).addKeyValue("ip", client.ctx().ip())
                        .log("live browser too slow, disconnecting it: {}", e.toString());
                sender.shutdownNow();
                client.close();
            }
        });
        Runnable end = () -> {
            if (gone.compareAndSet(false, true)) {
                subscription.close();
                sender.shutdownNow();
            }
        };
        client.onClose(end);
        // Jetty knows first when a browser went away; writing to the stream after that only makes noise.
        client.ctx().req().getAsyncContext().addListener(new StreamEnd(end));
        client.sendComment("connected");
    }

    /** Runs {@code end} when Jetty completes the stream, by error, timeout or the browser leaving. */
    private record StreamEnd(Runnable end) implements AsyncListener {
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

    private String text(LiveMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // A record of three strings always serialises; failing here is a bug, not bad input.
            throw new IllegalStateException("cannot write live message for " + message.topic(), e);
        }
    }
}
