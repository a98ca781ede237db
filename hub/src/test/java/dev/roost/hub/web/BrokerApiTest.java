package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.Received;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker screen's API ({@code /api/clients}, {@code /api/stats}, {@code /api/topics}) with real MQTT clients. */
class BrokerApiTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient admin;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
        admin = new WebClient(hub.httpBase());
        assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : clients) {
            BrokerFixture.discard(client);
        }
        hub.close();
    }

    @Test
    void clientsListsEachConnectedClientWithItsSubscriptionsAndMessageCounts() throws Exception {
        MqttClient sensor = connect("kitchen-sensor");
        MqttClient phone = connect("phone", "admin", PASSWORD);
        Received received = new Received();
        phone.subscribe(new String[] {"test/kitchen/#", "test/alarm"}, new int[] {1, 0},
                new Received[] {received, received});
        for (int i = 0; i < 3; i++) {
            sensor.publish("test/kitchen/temperature", ("2" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        received.take(3, WAIT);

        JsonNode answer = json(ok(admin.get("/api/clients")));

        assertThat(answer.get("total").asInt()).isEqualTo(2);
        assertThat(answer.get("clients").findValuesAsText("clientId")).containsExactly("kitchen-sensor", "phone");
        JsonNode listedSensor = answer.get("clients").get(0);
        assertThat(listedSensor.get("messagesIn").asLong()).isEqualTo(3);
        assertThat(listedSensor.get("username").isNull()).isTrue();
        assertThat(listedSensor.get("address").asText()).startsWith("127.0.0.1:");
        JsonNode listedPhone = answer.get("clients").get(1);
        assertThat(listedPhone.get("username").asText()).isEqualTo("admin");
        assertThat(listedPhone.get("protocol").asText()).isEqualTo("MQTT 3.1.1");
        assertThat(listedPhone.get("cleanSession").asBoolean()).isTrue();
        assertThat(listedPhone.get("connectedSince").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(listedPhone.get("messagesOut").asLong()).isEqualTo(3);
        assertThat(listedPhone.get("subscriptionCount").asInt()).isEqualTo(2);
        assertThat(listedPhone.get("subscriptions").toString())
                .isEqualTo("[{\"filter\":\"test/kitchen/#\",\"qos\":1},{\"filter\":\"test/alarm\",\"qos\":0}]");
    }

    @Test
    void clientsComeInPagesInClientIdOrderWithTheTotal() throws Exception {
        for (String id : List.of("c-client", "a-client", "b-client")) {
            connect(id);
        }

        JsonNode page = json(ok(admin.get("/api/clients?offset=1&limit=1")));

        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("clients").findValuesAsText("clientId")).containsExactly("b-client");
    }

    @Test
    void aDisconnectedClientLeavesTheList() throws Exception {
        MqttClient leaving = connect("leaving");
        assertThat(json(ok(admin.get("/api/clients"))).get("total").asInt()).isEqualTo(1);

        leaving.disconnect();

        await().atMost(WAIT).until(() -> json(ok(admin.get("/api/clients"))).get("total").asInt() == 0);
    }

    @Test
    void statsRatesRiseAfterPublishing() throws Exception {
        JsonNode before = json(ok(admin.get("/api/stats")));
        MqttClient sender = connect("sender");
        for (int i = 0; i < 50; i++) {
            sender.publish("test/load", new byte[] {(byte) i}, 1, false);
        }

        // Sampled once a second: within about a second the last minute's counts hold all fifty.
        await().atMost(WAIT).until(() -> countedInWindow(json(ok(admin.get("/api/stats")))) >= 50);
        JsonNode after = json(ok(admin.get("/api/stats")));

        JsonNode messages = after.get("messages");
        assertThat(messages.get("received").asLong() - before.get("messages").get("received").asLong())
                .isGreaterThanOrEqualTo(50);
        assertThat(messages.get("receivedPerSecond").asDouble()).isPositive();
        assertThat(messages.get("receivedEachSecond").size()).isLessThanOrEqualTo(60);
        assertThat(after.get("bytes").get("received").asLong()).isGreaterThan(before.get("bytes").get("received")
                .asLong());
        assertThat(after.get("clientsConnected").asInt()).isEqualTo(1);
        assertThat(after.get("clientsTotal").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(after.get("retained").asInt()).isPositive(); // the demo devices' states, at least
        assertThat(after.get("losses").get("queueOverflow").asLong()).isZero();
    }

    @Test
    void topicsListsRetainedTopicsByPrefixWithAPreview() throws Exception {
        MqttClient sender = connect("sender");
        sender.publish("test/old-sensor", "21.5".getBytes(StandardCharsets.UTF_8), 1, true);
        sender.publish("test/other", "x".repeat(500).getBytes(StandardCharsets.UTF_8), 1, true);
        sender.publish("test/raw", new byte[] {0, 1, 2, (byte) 0xff}, 1, true);

        JsonNode listed = json(ok(admin.get("/api/topics?prefix=test/")));

        assertThat(listed.get("total").asInt()).isEqualTo(3);
        assertThat(listed.get("topics").findValuesAsText("topic"))
                .containsExactly("test/old-sensor", "test/other", "test/raw");
        JsonNode old = listed.get("topics").get(0);
        assertThat(old.get("preview").asText()).isEqualTo("21.5");
        assertThat(old.get("size").asInt()).isEqualTo(4);
        assertThat(old.get("qos").asInt()).isEqualTo(1);
        assertThat(listed.get("topics").get(1).get("preview").asText()).hasSize(120);
        assertThat(listed.get("topics").get(2).get("binary").asBoolean()).isTrue();
        assertThat(listed.get("topics").get(2).get("preview").asText()).isEqualTo("000102ff");

        JsonNode capped = json(ok(admin.get("/api/topics?prefix=test/o&limit=1")));
        assertThat(capped.get("total").asInt()).isEqualTo(2);
        assertThat(capped.get("topics").findValuesAsText("topic")).containsExactly("test/old-sensor");
        assertThat(json(ok(admin.get("/api/topics"))).get("topics").findValuesAsText("topic"))
                .contains("home/smart-lock").noneMatch(topic -> topic.startsWith("$"));
        assertThat(json(ok(admin.get("/api/topics?prefix=$SYS/broker/version"))).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void clearingARetainedTopicTellsItsSubscribersAndAFreshSubscriberGetsNothing() throws Exception {
        MqttClient sender = connect("sender");
        sender.publish("test/old-sensor", "21.5".getBytes(StandardCharsets.UTF_8), 1, true);
        MqttClient watcher = connect("watcher");
        Received watched = new Received();
        watcher.subscribe("test/old-sensor", 1, watched);
        assertThat(watched.next(WAIT).payload()).isEqualTo("21.5");

        HttpResponse<String> cleared = admin.send("DELETE", "/api/topics?topic=test/old-sensor", null, true);

        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(watched.next(WAIT).payload()).isEmpty();
        assertThat(json(ok(admin.get("/api/topics?prefix=test/"))).get("total").asInt()).isZero();
        Received fresh = new Received();
        connect("fresh").subscribe("test/old-sensor", 1, fresh);
        fresh.expectNothing(QUIET);
        HttpResponse<String> again = admin.send("DELETE", "/api/topics?topic=test/old-sensor", null, true);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).get("field").asText()).isEqualTo("topic");
    }

    @Test
    void onlyAnAdminMayClearARetainedTopicAndOnlyWithTheCsrfToken() throws Exception {
        connect("sender").publish("test/kept", "1".getBytes(StandardCharsets.UTF_8), 1, true);
        ok(admin.post("/api/users", "{\"name\":\"guest\",\"password\":\"guest password\",\"admin\":false}"));
        WebClient guest = new WebClient(hub.httpBase());
        assertThat(guest.login("guest", "guest password").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = guest.send("DELETE", "/api/topics?topic=test/kept", null, true);
        HttpResponse<String> forged = admin.send("DELETE", "/api/topics?topic=test/kept", null, false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("field").asText()).isEqualTo("X-CSRF-Token");
        assertThat(guest.get("/api/clients").statusCode()).isEqualTo(200);
        assertThat(json(ok(guest.get("/api/topics?prefix=test/"))).get("topics").findValuesAsText("topic"))
                .containsExactly("test/kept");
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        assertBadRequest(admin.get("/api/clients?limit=0"), "limit");
        assertBadRequest(admin.get("/api/clients?limit=201"), "limit");
        assertBadRequest(admin.get("/api/clients?offset=-1"), "offset");
        assertBadRequest(admin.get("/api/clients?offset=first"), "offset");
        assertBadRequest(admin.get("/api/topics?limit=501"), "limit");
        assertBadRequest(admin.get("/api/topics?prefix=" + encoded("home/#")), "prefix");
        assertBadRequest(admin.send("DELETE", "/api/topics", null, true), "topic");
        assertBadRequest(admin.send("DELETE", "/api/topics?topic=" + encoded("home/+/state"), null, true), "topic");
        assertBadRequest(admin.send("DELETE", "/api/topics?topic=" + encoded("$SYS/broker/uptime"), null, true),
                "topic");
    }

    private static long countedInWindow(JsonNode stats) {
        long counted = 0;
        for (JsonNode second : stats.get("messages").get("receivedEachSecond")) {
            counted += second.asLong();
        }
        return counted;
    }

    private static void assertBadRequest(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private MqttClient connect(String clientId) throws Exception {
        MqttClient client = hub.client(clientId);
        clients.add(client);
        return client;
    }

    private MqttClient connect(String clientId, String username, String password) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + hub.hub().ports().mqtt(), clientId,
                new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        client.connect(options);
        return client;
    }
}
