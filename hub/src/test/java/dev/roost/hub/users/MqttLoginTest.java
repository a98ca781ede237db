package dev.roost.hub.users;

import static dev.roost.hub.broker.RawMqtt.CONNACK;
import static dev.roost.hub.broker.RawMqtt.PUBLISH;
import static dev.roost.hub.broker.RawMqtt.SUBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.RawMqtt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MQTT clients logging in with the hub's users, through the running hub and a real client. */
class MqttLoginTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private RunningHub hub;
    private MqttClient client;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        BrokerFixture.discard(client);
        hub.close();
    }

    private void connect(String username, String password) throws MqttException {
        if (client != null) {
            client.close(true);
        }
        client = new MqttClient("tcp://127.0.0.1:" + hub.hub().ports().mqtt(), "tasmota-plug",
                new MemoryPersistence());
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        client.connect(options);
    }

    @Test
    void theRightPasswordIsAcceptedAgainAndAgain() throws Exception {
        connect("admin", PASSWORD);
        assertThat(client.isConnected()).isTrue();
        client.disconnect();

        connect("admin", PASSWORD);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aWrongPasswordOrUnknownUserGetsConnack4() {
        assertThatThrownBy(() -> connect("admin", "wrong password")).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        assertThatThrownBy(() -> connect("mallory", PASSWORD)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedWithConnack5EvenWithTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> connect("admin", "guess")).isInstanceOf(MqttException.class);
        }

        assertThatThrownBy(() -> connect("admin", PASSWORD)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    @Test
    void packetsSentRightAfterConnectAreProcessedOnceThePasswordIsChecked() throws Exception {
        try (RawMqtt raw = new RawMqtt(hub.hub().ports().mqtt())) {
            raw.send(concat(connectWithPassword("pipelined", "admin", PASSWORD),
                    RawMqtt.subscribePacket(1, "lights/#", 0),
                    RawMqtt.publishPacket("lights/hall", "on", 0, false, 0)));

            RawMqtt.Packet connAck = raw.read();
            assertThat(connAck.type()).isEqualTo(CONNACK);
            assertThat(connAck.body()[1]).isZero();
            assertThat(raw.read().type()).isEqualTo(SUBACK);
            RawMqtt.Packet delivered = raw.read();
            assertThat(delivered.type()).isEqualTo(PUBLISH);
            assertThat(delivered.publishPayload()).isEqualTo("on");
        }
    }

    @Test
    void nothingSentAfterARefusedConnectIsProcessed() throws Exception {
        try (RawMqtt raw = new RawMqtt(hub.hub().ports().mqtt())) {
            raw.send(concat(connectWithPassword("intruder", "admin", "wrong password"),
                    RawMqtt.publishPacket("refused/smart-lock/set", "{\"state\":\"UNLOCK\"}", 0, true, 0)));

            RawMqtt.Packet connAck = raw.read();
            assertThat(connAck.type()).isEqualTo(CONNACK);
            assertThat(connAck.body()[1]).isEqualTo((byte) 4);
            assertThat(raw.closedByBroker()).isTrue();
        }
        try (RawMqtt observer = new RawMqtt(hub.hub().ports().mqtt())) {
            observer.connect("observer", true, 30);
            observer.send(RawMqtt.subscribePacket(1, "refused/#", 0));
            assertThat(observer.read().type()).isEqualTo(SUBACK);
            observer.send(RawMqtt.publishPacket("probe/end", "x", 0, false, 0));
            observer.send(RawMqtt.subscribePacket(2, "probe/end", 0));
            // The first packet after SUBACK would be the retained unlock command if the refused client's PUBLISH
            // had been processed; instead the probe's SUBACK comes next.
            assertThat(observer.read().type()).isEqualTo(SUBACK);
        }
    }

    private static byte[] connectWithPassword(String clientId, String username, String password) {
        RawMqtt.Bytes variable = new RawMqtt.Bytes().string("MQTT").u8(4).u8(0x02 | 0x80 | 0x40).u16(30)
                .string(clientId).string(username).u16(password.length())
                .raw(password.getBytes(StandardCharsets.UTF_8));
        return RawMqtt.packet(0x10, variable.toArray());
    }

    private static byte[] concat(byte[]... packets) {
        RawMqtt.Bytes all = new RawMqtt.Bytes();
        for (byte[] packet : packets) {
            all.raw(packet);
        }
        return all.toArray();
    }
}
