package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.hub.RunningHub;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's pages, its live feed and the rule editor's check, against a running hub. */
class DashboardApiTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient browser;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
        browser = new WebClient(hub.httpBase());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void pagesAndScriptsAreServedWithoutLoginUnderAPolicyThatForbidsOtherOrigins() throws Exception {
        HttpResponse<String> page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(page.body()).contains("/js/app.js").doesNotContain("http://", "https://");
        for (String asset : new String[] {"/app.css", "/js/app.js", "/js/dashboard.js", "/js/rules.js"}) {
            assertThat(browser.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(browser.get("/api/devices").statusCode()).isEqualTo(401);
    }

    @Test
    void scriptsNeverWriteMarkupSoDeviceNamesAndPayloadsStayText() throws Exception {
        for (String script : new String[] {"app", "api", "dom", "login", "dashboard", "rules", "ruleform", "ruleyaml",
                "broker", "acl"}) {
            String source = browser.get("/js/" + script + ".js").body();
            assertThat(source).as(script).isNotEmpty()
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        }
    }

    @Test
    void liveFeedPushesAPublishedTemperatureToALoggedInBrowserWithinOneSecond() throws Exception {
        assertThat(browser.login("admin", PASSWORD).statusCode()).isEqualTo(200);
        BlockingQueue<String> events = new ArrayBlockingQueue<>(1_000);
        HttpResponse<InputStream> stream = browser.stream("/api/live");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        Thread reader = readLines(stream.body(), events);
        try (MqttClient sensor = hub.client("test-sensor")) {
            awaitLine(events, ": connected");

            long sent = System.nanoTime();
            sensor.publish("home/temperature", "{\"temperature\":31.7}".getBytes(StandardCharsets.UTF_8), 0, false);
            JsonNode message = nextMessage(events, "home/temperature", "31.7");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

            assertThat(message.get("payload").asText()).isEqualTo("{\"temperature\":31.7}");
            assertThat(message.get("at").asText()).endsWith("Z");
            assertThat(millis).isLessThan(1_000);
            sensor.disconnect();
        } finally {
            stream.body().close();
            reader.interrupt();
            reader.join(WAIT.toMillis());
        }
    }

    @Test
    void liveFeedNeedsASession() throws Exception {
        HttpResponse<String> refused = browser.get("/api/live");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("error").asText()).isEqualTo("login required");
    }

    @Test
    void validateReportsTheLineOfASyntaxErrorAndSavesNothing() throws Exception {
        browser.login("admin", PASSWORD);
        int before = json(browser.get("/api/rules")).size();
        String broken = "id: broken\nname: Broken\nwhen: { topic: home/front-door\nthen: []\n";

        HttpResponse<String> refused = browser.post("/api/rules/validate", broken);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json(refused).get("problems").get(0);
        assertThat(problem.get("line").asInt()).isGreaterThan(0);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(json(browser.get("/api/rules")).size()).isEqualTo(before);
    }

    @Test
    void validateAcceptsAGoodRuleWithoutSavingItAndRefusesAForbiddenExpressionAtItsLine() throws Exception {
        browser.login("admin", PASSWORD);
        String good = "id: checked\nname: Checked\nwhen: { topic: home/front-door }\n"
                + "then:\n  - publish: { topic: home/smart-lights/set, payload: '{\"state\":\"ON\"}' }\n";

        HttpResponse<String> accepted = browser.post("/api/rules/validate", good);
        HttpResponse<String> refused = browser.post("/api/rules/validate",
                good.replace("then:", "if: java.lang.Runtime.getRuntime() != null\nthen:"));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("valid").asBoolean()).isTrue();
        assertThat(json(accepted).get("document").get("when").get("topic").asText()).isEqualTo("home/front-door");
        assertThat(json(accepted).get("document").get("then").get(0).get("publish").get("payload").asText())
                .isEqualTo("{\"state\":\"ON\"}");
        assertThat(browser.get("/api/rules/checked").statusCode()).isEqualTo(404);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("problems").get(0).get("line").asInt()).isEqualTo(4);
    }

    /** The data of the next {@code message} event on {@code topic} whose payload contains {@code text}. */
    private static JsonNode nextMessage(BlockingQueue<String> events, String topic, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data: ")) {
                JsonNode message = WebClient.JSON.readTree(line.substring("data: ".length()));
                if (message.get("topic").asText().equals(topic) && message.get("payload").asText().contains(text)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no live message on " + topic + " with " + text + " within " + WAIT);
    }

    private static void awaitLine(BlockingQueue<String> events, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.equals(events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                    TimeUnit.MILLISECONDS))) {
                return;
            }
        }
        throw new AssertionError("no line " + expected + " within " + WAIT);
    }

    private static Thread readLines(InputStream body, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty() && !lines.offer(line)) {
                        throw new IllegalStateException("test queue full");
                    }
                }
            } catch (java.io.IOException e) {
                // The test closed the stream; the assertions above decide the outcome.
                lines.offer(": closed " + e.getMessage());
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
