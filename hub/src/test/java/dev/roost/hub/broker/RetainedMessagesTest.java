package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.roost.hub.broker.BrokerFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class RetainedMessagesTest {

    private final BrokerFixture fixture = new BrokerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void retainedMessageIsSentOnSubscribeWithRetainFlag() throws Exception {
        MqttClient pub = fixture.connect("pub");
        pub.publish("home/thermostat", bytes("{\"mode\":\"heat\"}"), 1, true);

        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("home/+", 1, received);
        Received.Msg msg = received.next();
        assertThat(msg.topic()).isEqualTo("home/thermostat");
        assertThat(msg.payload()).isEqualTo("{\"mode\":\"heat\"}");
        assertThat(msg.retained()).isTrue();
    }

    @Test
    void liveDeliveryOfARetainedPublishHasRetainFlagCleared() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("home/lock", 1, received);
        MqttClient pub = fixture.connect("pub");
        pub.publish("home/lock", bytes("LOCKED"), 1, true);
        assertThat(received.next().retained()).isFalse();
    }

    @Test
    void newerRetainedMessageReplacesOlder() throws Exception {
        MqttClient pub = fixture.connect("pub");
        pub.publish("home/lights", bytes("ON"), 0, true);
        pub.publish("home/lights", bytes("OFF"), 0, true);
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("home/lights", 0, received);
        assertThat(received.next().payload()).isEqualTo("OFF");
        received.expectNothing(Duration.ofMillis(300));
    }

    @Test
    void emptyRetainedPayloadDeletesTheRetainedMessage() throws Exception {
        MqttClient pub = fixture.connect("pub");
        pub.publish("home/door", bytes("open"), 1, true);
        pub.publish("home/door", new byte[0], 1, true);

        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("home/#", 1, received);
        received.expectNothing(Duration.ofMillis(400));
        List<String> stored = fixture.broker().inspect(ctx -> {
            List<String> topics = new ArrayList<>();
            ctx.router().retained().forEachMatching("home/#", m -> topics.add(m.topic()));
            return topics;
        });
        assertThat(stored).isEmpty();
    }

    @Test
    void retainedDeliveryUsesTheLowerQos() throws Exception {
        MqttClient pub = fixture.connect("pub");
        pub.publish("sensor/a", bytes("1"), 2, true);
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("sensor/a", 1, received);
        assertThat(received.next().qos()).isEqualTo(1);
    }

    @Test
    void resubscribingSendsRetainedMessagesAgain() throws Exception {
        MqttClient pub = fixture.connect("pub");
        pub.publish("sensor/b", bytes("2"), 1, true);
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("sensor/b", 1, received);
        received.next();
        sub.subscribe("sensor/b", 1, received);
        assertThat(received.next().retained()).isTrue();
    }
}
