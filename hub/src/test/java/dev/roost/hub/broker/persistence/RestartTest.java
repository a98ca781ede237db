package dev.roost.hub.broker.persistence;

import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.CallbackAdapter;
import dev.roost.hub.broker.Received;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.roost.hub.broker.BrokerFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** What the broker keeps across a restart of the hub: retained messages and persistent sessions. */
@Timeout(60)
class RestartTest {

    @TempDir
    Path data;

    private RunningHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void retainedMessagesSurviveARestartAndADeletedOneStaysDeleted() throws Exception {
        hub = RunningHub.start(data, "secret-password-1");
        MqttClient phone = hub.client("phone");
        phone.publish("kept/porch", bytes("{\"state\":\"ON\"}"), 1, true);
        phone.publish("kept/garage", bytes("closed"), 0, true);
        phone.publish("kept/old", bytes("21"), 1, true);
        phone.publish("kept/old", new byte[0], 1, true);
        BrokerFixture.discard(phone);

        hub = hub.restart();

        MqttClient later = hub.client("later");
        Received received = new Received();
        later.subscribe("kept/+", 1, received);
        List<Received.Msg> kept = received.take(2, Duration.ofSeconds(5));
        assertThat(kept).extracting(Received.Msg::topic)
                .containsExactlyInAnyOrder("kept/porch", "kept/garage");
        assertThat(kept).allMatch(Received.Msg::retained);
        received.expectNothing(Duration.ofMillis(300));
        BrokerFixture.discard(later);
    }

    @Test
    void persistentSessionKeepsItsSubscriptionAndQueuedMessagesAcrossARestart() throws Exception {
        hub = RunningHub.start(data, "secret-password-1");
        MqttClient heater = client("heater");
        heater.connect(BrokerFixture.options(false));
        heater.subscribe("home/heating/set", 2);
        heater.disconnect();
        MqttClient phone = hub.client("phone");
        for (int i = 0; i < 5; i++) {
            phone.publish("home/heating/set", bytes("cmd-" + i), 1, false);
        }
        phone.publish("home/heating/set", bytes("exactly-once"), 2, false);
        BrokerFixture.discard(phone);

        hub = hub.restart();

        MqttClient back = client("heater");
        Received received = new Received();
        back.setCallback(new CallbackAdapter(received));
        back.connect(BrokerFixture.options(false));
        List<Received.Msg> msgs = received.take(6, Duration.ofSeconds(5));
        assertThat(msgs).filteredOn(m -> m.qos() == 1).extracting(Received.Msg::payload)
                .containsExactly("cmd-0", "cmd-1", "cmd-2", "cmd-3", "cmd-4");
        assertThat(msgs).filteredOn(m -> m.qos() == 2).extracting(Received.Msg::payload)
                .containsExactly("exactly-once");
        // The subscription itself came back too: a new message reaches the heater.
        MqttClient phoneAgain = hub.client("phone");
        phoneAgain.publish("home/heating/set", bytes("after-restart"), 1, false);
        assertThat(received.next().payload()).isEqualTo("after-restart");
        received.expectNothing(Duration.ofMillis(300));
        BrokerFixture.discard(phoneAgain);
        BrokerFixture.discard(back);
    }

    @Test
    void cleanSessionsAndQos0NeverTouchTheDisk() throws Exception {
        hub = RunningHub.start(data, "secret-password-1");
        H2Journal journal = (H2Journal) hub.hub().broker().journal();
        long before = journal.commits();
        MqttClient sensor = hub.client("sensor");
        MqttClient display = hub.client("display");
        Received received = new Received();
        display.subscribe("garden/#", 2, received);
        for (int i = 0; i < 20; i++) {
            sensor.publish("garden/soil", bytes("moisture " + i), i % 3, false);
        }
        received.take(20, Duration.ofSeconds(5));

        assertThat(journal.commits()).isEqualTo(before);
        BrokerFixture.discard(sensor);
        BrokerFixture.discard(display);
    }

    private MqttClient client(String clientId) throws Exception {
        return new MqttClient("tcp://127.0.0.1:" + hub.hub().ports().mqtt(), clientId, new MemoryPersistence());
    }
}
