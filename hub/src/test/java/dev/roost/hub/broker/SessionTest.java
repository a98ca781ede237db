package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.roost.hub.broker.BrokerFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SessionTest {

    private BrokerFixture fixture = new BrokerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void persistentSessionQueuesQos1And2WhileOfflineAndDeliversInOrder() throws Exception {
        MqttClient sub = fixture.connect("heater", false);
        sub.subscribe("home/heating/set", 2);
        sub.disconnect();

        MqttClient pub = fixture.connect("phone");
        for (int i = 0; i < 5; i++) {
            pub.publish("home/heating/set", bytes("cmd-" + i), 1, false);
        }
        pub.publish("home/heating/set", bytes("exactly-once"), 2, false);
        pub.publish("home/heating/set", bytes("qos0-not-kept"), 0, false);

        Received received = new Received();
        sub.setCallback(new CallbackAdapter(received));
        sub.connect(BrokerFixture.options(false));
        List<Received.Msg> msgs = received.take(6, Duration.ofSeconds(5));
        // Order is kept per topic and QoS [MQTT-4.6.0-6]; Paho hands QoS 2 over only after PUBREL.
        assertThat(msgs).filteredOn(m -> m.qos() == 1).extracting(Received.Msg::payload)
                .containsExactly("cmd-0", "cmd-1", "cmd-2", "cmd-3", "cmd-4");
        assertThat(msgs).filteredOn(m -> m.qos() == 2).extracting(Received.Msg::payload)
                .containsExactly("exactly-once");
        received.expectNothing(Duration.ofMillis(300));
    }

    @Test
    void sessionPresentFlagReflectsStoredSession() throws Exception {
        try (RawMqtt first = new RawMqtt(fixture.port())) {
            assertThat(first.connect("device-1", false, 30)).isFalse();
            first.send(RawMqtt.disconnectPacket());
        }
        try (RawMqtt second = new RawMqtt(fixture.port())) {
            assertThat(second.connect("device-1", false, 30)).isTrue();
            second.send(RawMqtt.disconnectPacket());
        }
        try (RawMqtt clean = new RawMqtt(fixture.port())) {
            assertThat(clean.connect("device-1", true, 30)).isFalse(); // [MQTT-3.2.2-1]
            clean.send(RawMqtt.disconnectPacket());
        }
        try (RawMqtt after = new RawMqtt(fixture.port())) {
            assertThat(after.connect("device-1", false, 30)).isFalse(); // clean session discarded it
        }
    }

    @Test
    void cleanSessionDoesNotKeepSubscriptions() throws Exception {
        MqttClient sub = fixture.connect("sensor", true);
        sub.subscribe("x", 1);
        sub.disconnect();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                fixture.broker().inspect(ctx -> ctx.router().subscriptions().size()) == 0);
        assertThat(fixture.broker().<Object>inspect(ctx -> ctx.sessions().get("sensor"))).isNull();
    }

    @Test
    void secondConnectionWithSameClientIdTakesOver() throws Exception {
        MqttClient first = fixture.connect("lock");
        MqttClient second = fixture.connect("lock");
        await().atMost(Duration.ofSeconds(5)).until(() -> !first.isConnected());
        assertThat(second.isConnected()).isTrue();
        Received received = new Received();
        second.subscribe("t", 1, received);
        fixture.connect("pub").publish("t", bytes("still works"), 1, false);
        assertThat(received.next().payload()).isEqualTo("still works");
    }

    @Test
    void offlineQueueIsBoundedAndDropsOldestCounted() throws Exception {
        fixture.close();
        fixture = new BrokerFixture(BrokerConfig.builder().maxQueuedMessages(10).build());
        MqttClient sub = fixture.connect("slow", false);
        sub.subscribe("q", 1);
        sub.disconnect();
        MqttClient pub = fixture.connect("pub");
        for (int i = 0; i < 25; i++) {
            pub.publish("q", bytes(Integer.toString(i)), 1, false);
        }
        Received received = new Received();
        sub.setCallback(new CallbackAdapter(received));
        sub.connect(BrokerFixture.options(false));
        List<Received.Msg> msgs = received.take(10, Duration.ofSeconds(5));
        assertThat(msgs).extracting(Received.Msg::payload).containsExactly(
                "15", "16", "17", "18", "19", "20", "21", "22", "23", "24");
        assertThat(fixture.broker().stats().queueOverflowDrops.sum()).isEqualTo(15);
    }

    @Test
    void unacknowledgedMessagesAreResentWithDupOnReconnect() throws Exception {
        RawMqtt.Packet first;
        try (RawMqtt sub = new RawMqtt(fixture.port())) {
            sub.connect("forgetful", false, 30);
            sub.send(RawMqtt.subscribePacket(1, "alarm", 1));
            assertThat(sub.read().type()).isEqualTo(RawMqtt.SUBACK);
            fixture.connect("pub").publish("alarm", bytes("ring"), 1, false);
            first = sub.read();
            assertThat(first.type()).isEqualTo(RawMqtt.PUBLISH);
            assertThat(first.header() & 0x08).isZero();
            // no PUBACK: the client drops the connection
        }
        try (RawMqtt again = new RawMqtt(fixture.port())) {
            assertThat(again.connect("forgetful", false, 30)).isTrue();
            RawMqtt.Packet resent = again.read();
            assertThat(resent.type()).isEqualTo(RawMqtt.PUBLISH);
            assertThat(resent.header() & 0x08).isEqualTo(0x08); // DUP [MQTT-3.3.1-1]
            assertThat(resent.publishPayload()).isEqualTo("ring");
            assertThat(resent.publishPacketId()).isEqualTo(first.publishPacketId());
        }
    }

    @Test
    void inflightWindowLimitsUnacknowledgedMessages() throws Exception {
        fixture.close();
        fixture = new BrokerFixture(BrokerConfig.builder().maxInflight(3).build());
        try (RawMqtt sub = new RawMqtt(fixture.port())) {
            sub.connect("windowed", true, 30);
            sub.send(RawMqtt.subscribePacket(1, "w", 1));
            sub.read();
            MqttClient pub = fixture.connect("pub");
            for (int i = 0; i < 5; i++) {
                pub.publish("w", bytes("m" + i), 1, false);
            }
            int[] ids = new int[3];
            for (int i = 0; i < 3; i++) {
                ids[i] = sub.read().publishPacketId();
            }
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(fixture.broker().<Integer>inspect(ctx -> ctx.sessions().get("windowed").queuedCount())).isEqualTo(2);
            sub.send(RawMqtt.ackPacket(RawMqtt.PUBACK, ids[0]));
            RawMqtt.Packet fourth = sub.read();
            assertThat(fourth.publishPayload()).isEqualTo("m3");
            assertThat(fourth.publishPacketId()).isNotIn(ids[1], ids[2]);
        }
    }

    @Test
    void persistentSubscriptionsSurviveReconnect() throws Exception {
        MqttClient sub = fixture.connect("keeper", false);
        sub.subscribe("kept/+", 1);
        sub.disconnect();
        Received received = new Received();
        sub.setCallback(new CallbackAdapter(received));
        MqttConnectOptions options = BrokerFixture.options(false);
        sub.connect(options);
        fixture.connect("pub").publish("kept/a", bytes("yes"), 1, false);
        assertThat(received.next().payload()).isEqualTo("yes");
    }
}
