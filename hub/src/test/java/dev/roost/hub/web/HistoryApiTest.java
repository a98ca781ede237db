package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.hub.RunningHub;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/history}: temperatures published by a real MQTT client, read back over HTTP from a running hub. */
class HistoryApiTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration STORED = Duration.ofSeconds(10);

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient browser;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
        browser = new WebClient(hub.httpBase());
        assertThat(browser.login("admin", PASSWORD).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void publishedTemperaturesAppearInTheHistoryAndItsListOfTopics() throws Exception {
        try (MqttClient sensor = hub.client("attic-sensor")) {
            sensor.publish("home/attic", "{\"temperature\":19.5,\"humidity\":61}".getBytes(StandardCharsets.UTF_8), 1, true);
            await().atMost(STORED).until(() -> values("home/attic", "temperature").equals(List.of(19.5)));

            // The first reading is stored by now, so this one is in a later second.
            sensor.publish("home/attic", "{\"temperature\":20.25,\"humidity\":60}".getBytes(StandardCharsets.UTF_8), 1, true);
            await().atMost(STORED).until(() -> values("home/attic", "temperature").equals(List.of(19.5, 20.25)));
            sensor.disconnect();
        }

        JsonNode topics = json(browser.get("/api/history/topics"));
        List<String> listed = new ArrayList<>();
        topics.forEach(series -> listed.add(series.get("topic").asText() + " " + series.get("field").asText()));
        assertThat(listed).contains("home/attic humidity", "home/attic temperature");
        JsonNode attic = find(topics, "home/attic", "temperature");
        assertThat(attic.get("lastValue").asDouble()).isEqualTo(20.25);
        assertThat(Instant.parse(attic.get("lastTime").asText())).isBefore(Instant.now().plusSeconds(1));

        // The last day by default, in buckets of a few minutes, which keep the lowest and highest reading.
        JsonNode day = json(browser.get("/api/history?topic=home/attic&field=humidity"));
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        day.get("points").forEach(point -> {
            lows.add(point.path("min").asDouble(point.get("value").asDouble()));
            highs.add(point.path("max").asDouble(point.get("value").asDouble()));
        });
        assertThat(lows).contains(60.0).allSatisfy(low -> assertThat(low).isGreaterThanOrEqualTo(60));
        assertThat(highs).contains(61.0).allSatisfy(high -> assertThat(high).isLessThanOrEqualTo(61));
    }

    @Test
    void aTopicWithOneFieldNeedsNoFieldNamed() throws Exception {
        try (MqttClient sensor = hub.client("cellar-sensor")) {
            sensor.publish("home/cellar", "12.75".getBytes(StandardCharsets.UTF_8), 0, false);
            await().atMost(STORED).until(() -> browser.get("/api/history?topic=home/cellar").statusCode() == 200);
            sensor.disconnect();
        }

        JsonNode answer = json(browser.get("/api/history?topic=home/cellar"));
        assertThat(answer.get("field").asText()).isEqualTo("value");
        assertThat(answer.get("points").get(0).get("value").asDouble()).isEqualTo(12.75);
    }

    @Test
    void badQueriesAre400NamingTheParameter() throws Exception {
        Instant now = Instant.now();
        assertBad("/api/history", "topic");
        assertBad("/api/history?topic=home/%2B", "topic");
        assertBad("/api/history?topic=home/attic&from=yesterday", "from");
        assertBad("/api/history?topic=home/attic&to=2026-13-01T00:00:00Z", "to");
        assertBad("/api/history?topic=home/attic&from=" + now + "&to=" + now.minusSeconds(60), "from");
        assertBad("/api/history?topic=home/attic&from=" + now.minus(Duration.ofDays(40)) + "&to=" + now, "from");
        assertBad("/api/history?topic=home/attic&points=5", "points");
        assertBad("/api/history?topic=home/attic&points=many", "points");
    }

    @Test
    void aTopicWithoutHistoryIs404() throws Exception {
        HttpResponse<String> unknown = browser.get("/api/history?topic=" + encode("home/nothing here"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("field").asText()).isEqualTo("topic");
    }

    private void assertBad(String path, String field) throws Exception {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid request");
        assertThat(json(response).get("field").asText()).as(path).isEqualTo(field);
        assertThat(json(response).get("detail").asText()).as(path).isNotBlank();
    }

    /** The readings of the last ten minutes, each its own point (a bucket per second). */
    private List<Double> values(String topic, String field) throws Exception {
        HttpResponse<String> response = browser.get("/api/history?topic=" + encode(topic) + "&field=" + field
                + "&from=" + Instant.now().minusSeconds(600) + "&points=1000");
        List<Double> values = new ArrayList<>();
        if (response.statusCode() == 200) {
            json(response).get("points").forEach(point -> values.add(point.get("value").asDouble()));
        }
        return values;
    }

    private static JsonNode find(JsonNode topics, String topic, String field) {
        for (JsonNode series : topics) {
            if (series.get("topic").asText().equals(topic) && series.get("field").asText().equals(field)) {
                return series;
            }
        }
        throw new AssertionError("no series " + field + " of " + topic + " in " + topics);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
