package dev.roost.hub.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.Received;
import dev.roost.hub.web.WebClient;
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

/** Per-user topic permissions, set over the API and enforced on real MQTT clients of the running hub. */
class TopicPermissionsTest {

    private static final String ADMIN_PASSWORD = "correct horse battery";
    private static final String PLUG_PASSWORD = "tasmota password";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final int DENIED = 0x80;

    @TempDir
    Path data;
    private RunningHub hub;
    private WebClient admin;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, ADMIN_PASSWORD);
        admin = new WebClient(hub.httpBase());
        admin.login("admin", ADMIN_PASSWORD);
        assertThat(admin.post("/api/users", "{\"name\":\"tasmota\",\"password\":\"" + PLUG_PASSWORD + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(admin.put("/api/acl/tasmota",
                "{\"publish\":[\"tele/%c/#\"],\"subscribe\":[\"cmnd/%c/#\"]}").statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : clients) {
            BrokerFixture.discard(client);
        }
        hub.close();
    }

    private MqttClient connect(String clientId, String user, String password) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + hub.hub().ports().mqtt(), clientId,
                new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = BrokerFixture.options(true);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
        return client;
    }

    @Test
    void aDeviceMaySubscribeOnlyToItsOwnCommandTopicsAndIsRefusedWith0x80Elsewhere() throws Exception {
        MqttClient plug = connect("plug1", "tasmota", PLUG_PASSWORD);

        int[] granted = plug.subscribeWithResponse(new String[] {"cmnd/plug1/#", "cmnd/plug2/#", "home/#",
                "$SYS/#"}, new int[] {1, 1, 1, 0}).getGrantedQos();

        assertThat(granted).containsExactly(1, DENIED, DENIED, DENIED);
    }

    @Test
    void aPublishOutsideItsTopicsIsDroppedAndTheConnectionStays() throws Exception {
        MqttClient watcher = connect("watcher", "admin", ADMIN_PASSWORD);
        Received seen = new Received();
        watcher.subscribe(new String[] {"home/smart-lock/set", "tele/#"}, new int[] {1, 1},
                new Received[] {seen, seen});
        MqttClient plug = connect("plug1", "tasmota", PLUG_PASSWORD);

        plug.publish("home/smart-lock/set", "{\"state\":\"UNLOCK\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        plug.publish("tele/plug1/STATE", "{\"POWER\":\"ON\"}".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(seen.next(WAIT).topic()).isEqualTo("tele/plug1/STATE");
        seen.expectNothing(QUIET);
        assertThat(plug.isConnected()).isTrue();
    }

    @Test
    void onlyAdminsReadSys() throws Exception {
        MqttClient anonymous = connect("local-tool", null, null);
        MqttClient administrator = connect("admin-tool", "admin", ADMIN_PASSWORD);

        assertThat(anonymous.subscribeWithResponse("$SYS/#", 0).getGrantedQos()).containsExactly(DENIED);
        assertThat(administrator.subscribeWithResponse("$SYS/#", 0).getGrantedQos()).containsExactly(0);
    }

    @Test
    void anonymousClientsFollowTheirOwnRulesOnceSet() throws Exception {
        assertThat(admin.put("/api/acl/$anonymous", "{\"subscribe\":[\"home/#\"]}").statusCode()).isEqualTo(200);
        MqttClient watcher = connect("watcher", "admin", ADMIN_PASSWORD);
        Received seen = new Received();
        watcher.subscribe("test/#", 1, seen);
        MqttClient anonymous = connect("local-script", null, null);

        anonymous.publish("test/anything", "x".getBytes(StandardCharsets.UTF_8), 1, false);

        seen.expectNothing(QUIET);
        assertThat(anonymous.subscribeWithResponse("home/+/state", 0).getGrantedQos()).containsExactly(0);
        assertThat(anonymous.subscribeWithResponse("test/#", 0).getGrantedQos()).containsExactly(DENIED);
    }

    @Test
    void badFiltersAndSubjectsAre400NamingTheField() throws Exception {
        var badFilter = admin.put("/api/acl/tasmota", "{\"publish\":[\"tele/#/x\"]}");
        var badSubject = admin.put("/api/acl/$root", "{\"publish\":[]}");

        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(badFilter).get("field").asText()).isEqualTo("publish[0]");
        assertThat(badSubject.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(badSubject).get("field").asText()).isEqualTo("subject");
        assertThat(WebClient.json(admin.get("/api/acl/tasmota")).get("publish").get(0).asText())
                .isEqualTo("tele/%c/#");
    }
}
