package dev.roost.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roost.web.HubStatus;
import dev.roost.web.TestServices;
import dev.roost.web.WebServer;
import dev.roost.web.devices.DeviceDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code GET /api/live} over a raw socket, so the test decides when the "browser" reads or leaves. */
class LiveRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SOCKET_TIMEOUT_MS = 5_000;

    private record FixedStatus(String version, Duration uptime, int connectedClients) implements HubStatus {
    }

    private final FanOutFeed feed = new FanOutFeed();
    private WebServer server;
    private int port;

    @BeforeEach
    void start() {
        server = new WebServer(TestServices.with(new FixedStatus("test", Duration.ZERO, 0), DeviceDirectory.empty(),
                feed));
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void messagesArriveAsNamedEventsWithTopicPayloadAndTime() throws Exception {
        try (Socket socket = openStream()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            skipUntil(in, ": connected");

            feed.publish("home/front-door", "{\"state\":\"ON\"}");

            assertThat(skipUntilPrefix(in, "event:")).isEqualTo("event: message");
            assertThat(in.readLine()).isEqualTo(
                    "data: {\"topic\":\"home/front-door\",\"payload\":\"{\\\"state\\\":\\\"ON\\\"}\","
                            + "\"at\":\"2026-11-25T08:00:00Z\"}");
        }
    }

    @Test
    void aBrowserThatLeftIsUnsubscribedQuietly() throws Exception {
        ListAppender<ILoggingEvent> javalinLog = new ListAppender<>();
        Logger javalin = (Logger) LoggerFactory.getLogger("io.javalin");
        javalinLog.start();
        javalin.addAppender(javalinLog);
        try {
            leaveAndAwaitUnsubscribed();
        } finally {
            javalin.detachAppender(javalinLog);
        }
        // Javalin 7.2's own close after a failed write logged thousands of exceptions per browser.
        assertThat(javalinLog.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    }

    private void leaveAndAwaitUnsubscribed() throws Exception {
        Socket socket = openStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        skipUntil(in, ": connected");
        assertThat(feed.listeners()).isEqualTo(1);

        // A reset, as when a phone's page is closed: Jetty ends the request before the next write fails.
        socket.setSoLinger(true, 0);
        socket.close();

        // Jetty notices a closed connection when it next writes; the feed keeps publishing as the broker would.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            feed.publish("home/motion", "{\"state\":\"ON\"}");
            return feed.listeners() == 0;
        });
    }

    @Test
    void aBrowserThatStopsReadingIsDisconnectedInsteadOfHoldingUpTheFeed() throws Exception {
        try (Socket stalled = openStream()) {
            stalled.setReceiveBufferSize(4096);
            skipUntil(new BufferedReader(new InputStreamReader(stalled.getInputStream(), StandardCharsets.UTF_8)),
                    ": connected");
            String payload = "x".repeat(2_000);

            // Never read again: the socket buffers fill, then the browser's queue, and it is dropped.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> {
                long started = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    feed.publish("home/camera", payload);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                return feed.listeners() == 0;
            });
        }
    }

    private Socket openStream() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: "
                + TestServices.AUTHORIZATION + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void skipUntil(BufferedReader in, String line) throws IOException {
        for (String read = in.readLine(); read != null; read = in.readLine()) {
            if (read.equals(line)) {
                return;
            }
        }
        throw new AssertionError("stream ended before " + line);
    }

    private static String skipUntilPrefix(BufferedReader in, String prefix) throws IOException {
        for (String read = in.readLine(); read != null; read = in.readLine()) {
            if (read.startsWith(prefix)) {
                return read;
            }
        }
        throw new AssertionError("stream ended before a line starting with " + prefix);
    }
}
