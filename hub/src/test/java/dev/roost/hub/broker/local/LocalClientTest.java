package dev.roost.hub.broker.local;

import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.Received;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalClientTest {

    private final BrokerFixture fixture = new BrokerFixture();
    private final LocalClient rules = fixture.broker().localClient("rules");

    @AfterEach
    void stop() {
        rules.close();
        fixture.close();
    }

    @Test
    void inProcessPublishReachesNetworkSubscribers() throws Exception {
        MqttClient phone = fixture.connect("phone");
        Received received = new Received();
        phone.subscribe("home/thermostat/set", 1, received);
        rules.publish("home/thermostat/set", "{\"mode\":\"heat\"}".getBytes(StandardCharsets.UTF_8), 1, false)
                .get(5, TimeUnit.SECONDS);
        Received.Msg msg = received.next();
        assertThat(msg.payload()).isEqualTo("{\"mode\":\"heat\"}");
        assertThat(msg.qos()).isEqualTo(1);
    }

    @Test
    void inProcessSubscriberReceivesNetworkPublishesAndRetained() throws Exception {
        MqttClient sensor = fixture.connect("sensor");
        sensor.publish("home/temperature", "{\"temperature\":17.5}".getBytes(), 1, true);
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        LocalSubscription subscription = rules.subscribe("home/+", 1,
                (topic, payload, retained) -> got.add(topic + " " + new String(payload) + " " + retained))
                .get(5, TimeUnit.SECONDS);
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("home/temperature {\"temperature\":17.5} true");
        sensor.publish("home/temperature", "{\"temperature\":18.5}".getBytes(), 0, false);
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("home/temperature {\"temperature\":18.5} false");

        subscription.cancel();
        sensor.publish("home/temperature", "x".getBytes(), 1, false);
        assertThat(got.poll(400, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void invalidTopicsAreRefusedLikeForNetworkClients() {
        assertThatThrownBy(() -> rules.publish("home/+", new byte[0], 0, false).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> rules.publish("$SYS/x", new byte[0], 0, false).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("$ topics");
        assertThatThrownBy(() -> rules.subscribe("a/#/b", 0, (t, p, r) -> { }).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("'#'");
    }

    @Test
    void closingUnsubscribesEverything() throws Exception {
        LocalClient devices = fixture.broker().localClient("devices");
        devices.subscribe("home/+/set", 1, (t, p, r) -> { }).get(5, TimeUnit.SECONDS);
        assertThat(fixture.broker().<Integer>inspect(ctx -> ctx.router().subscriptions().size())).isEqualTo(1);
        devices.close();
        Thread.sleep(Duration.ofMillis(100).toMillis());
        assertThat(fixture.broker().<Integer>inspect(ctx -> ctx.router().subscriptions().size())).isZero();
    }
}
