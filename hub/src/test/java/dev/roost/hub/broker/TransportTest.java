package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The same broker behind MQTT 3.1 clients and behind the WebSocket listener. */
class TransportTest {

    private final BrokerFixture fixture = new BrokerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void webSocketClientsShareTheBrokerWithTcpClients() throws Exception {
        InetSocketAddress ws = fixture.broker().startWebSocket("127.0.0.1", 0);
        MqttClient phone = new MqttClient("ws://127.0.0.1:" + ws.getPort() + "/mqtt", "phone", new MemoryPersistence());
        try {
            phone.connect(BrokerFixture.options(true));
            Received received = new Received();
            phone.subscribe("home/smart-lock", 1, received);
            fixture.connect("lock").publish("home/smart-lock", "{\"state\":\"LOCKED\"}".getBytes(), 1, false);
            assertThat(received.next().payload()).isEqualTo("{\"state\":\"LOCKED\"}");

            Received tcp = new Received();
            fixture.connect("tcp").subscribe("home/smart-lock/set", 2, tcp);
            phone.publish("home/smart-lock/set", "{\"state\":\"UNLOCK\"}".getBytes(), 2, false);
            assertThat(tcp.next().payload()).isEqualTo("{\"state\":\"UNLOCK\"}");
        } finally {
            BrokerFixture.discard(phone);
        }
    }

    @Test
    void mqtt31ClientsAreServed() throws Exception {
        MqttClient old = fixture.client("legacy-device");
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        old.connect(options);
        Received received = new Received();
        old.subscribe("legacy/#", 2, received);
        fixture.connect("new").publish("legacy/x", "hello".getBytes(), 2, false);
        Received.Msg msg = received.next();
        assertThat(msg.payload()).isEqualTo("hello");
        assertThat(msg.qos()).isEqualTo(2);
    }
}
