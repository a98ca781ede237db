package dev.roost.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * {@code GET /api/live}: the last message of every topic, then each new one, as server-sent events named
 * {@code message}, each {@code {"topic","payload","at"}}. A browser's {@code EventSource} reconnects by itself;
 * the page reloads the devices on every (re)connect, so nothing missed while it was away stays missing.
 */
public final class LiveRoutes {

    private static final Logger log = LoggerFactory.getLogger(LiveRoutes.class);

    /**
     * Messages waiting for one slow browser (room for the first burst of {@link LiveFeed#latest()} and then some);
     * beyond this it is disconnected and catches up on reconnect.
     */
    private static final int BACKLOG = LiveFeed.MAX_LATEST + 256;

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
        LiveStream stream;
        try {
            stream = new LiveStream(client, BACKLOG);
        } catch (IOException e) {
            // The browser left before the stream began; it reconnects by itself.
            log.atDebug().log("live stream not opened: {}", e.toString());
            client.close();
            return;
        }
        // The last value of every topic first, so topics that are not devices get their tiles at once.
        for (LiveMessage last : feed.latest()) {
            stream.event("message", text(last));
        }
        LiveSubscription subscription = feed.subscribe(message -> stream.event("message", text(message)));
        stream.whenEnded(subscription::close);
        // Only once subscribed: whoever reads this comment may rely on receiving what is published next.
        stream.comment("connected");
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
