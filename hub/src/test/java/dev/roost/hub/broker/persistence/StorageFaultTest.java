package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.BrokerStorage;
import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.broker.RawMqtt;
import dev.roost.hub.broker.auth.AnonymousAccess;
import dev.roost.hub.broker.auth.AnonymousAuthenticator;
import dev.roost.hub.broker.auth.TopicPermissions;
import dev.roost.hub.broker.retain.DurableRetainedStore;
import dev.roost.hub.broker.retain.InMemoryRetainedStore;
import dev.roost.hub.broker.session.InMemorySessionStore;
import dev.roost.hub.storage.Database;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker when its disk fails at run time: a QoS 1 message it must keep is not acknowledged while it cannot be
 * stored, other traffic goes on, and once the disk works again the acknowledgement follows and the message is kept.
 */
@Timeout(60)
class StorageFaultTest {

    @TempDir
    Path data;

    private final FailingDisk disk = new FailingDisk();
    private Database database;
    private H2Journal journal;
    private MqttBroker broker;
    private MqttAsyncClient client;
    private MqttAsyncClient other;
    private int port;

    @AfterEach
    void stop() throws Exception {
        for (MqttAsyncClient c : new MqttAsyncClient[] {client, other}) {
            if (c != null) {
                c.disconnectForcibly(100, 100);
                c.close(true);
            }
        }
        if (broker != null) {
            broker.stop(Duration.ofSeconds(1));
        }
        if (journal != null) {
            journal.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void retainedQos1IsAcknowledgedOnlyOnceTheDiskWorksAgain() throws Exception {
        start();
        client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "thermostat", new MemoryPersistence());
        client.connect(BrokerFixture.options(true)).waitForCompletion(5_000);

        disk.failing = true;
        IMqttDeliveryToken stored = client.publish("home/thermostat", bytes("{\"setpoint\":21}"), 1, true);
        Thread.sleep(2_500);
        assertThat(stored.isComplete()).as("no PUBACK while the message cannot be stored").isFalse();
        assertThat(journal.failing()).isTrue();
        // Another client's message that nothing must keep is acknowledged as usual. (This client's next PUBACK
        // must wait: PUBACKs go out in the order the PUBLISHes came in [MQTT-4.6.0-2].)
        other = new MqttAsyncClient("tcp://127.0.0.1:" + port, "chatter", new MemoryPersistence());
        other.connect(BrokerFixture.options(true)).waitForCompletion(5_000);
        other.publish("home/chatter", bytes("not kept anywhere"), 1, false).waitForCompletion(5_000);

        disk.failing = false;
        stored.waitForCompletion(10_000);
        assertThat(stored.isComplete()).as("PUBACK once storage works again").isTrue();
        assertThat(journal.failing()).isFalse();

        broker.stop(Duration.ofSeconds(1));
        broker = null;
        journal.close();
        journal = null;
        assertThat(new H2Journal(database.dataSource()).load().retained())
                .extracting(message -> new String(message.payload(), StandardCharsets.UTF_8))
                .containsExactly("{\"setpoint\":21}");
    }

    @Test
    void pubrelToAPersistentSubscriberWaitsUntilTheReleaseIsStored() throws Exception {
        start();
        try (RawMqtt display = doorDisplay("door-display", false)) {
            connectDoorSensor(true);
            client.publish("home/door", bytes("open"), 2, false).waitForCompletion(5_000);
            RawMqtt.Packet publish = display.read();
            assertThat(publish.type()).isEqualTo(RawMqtt.PUBLISH);
            int packetId = publish.publishPacketId();

            disk.failing = true;
            display.send(RawMqtt.ackPacket(RawMqtt.PUBREC, packetId));
            // Once PUBREL is out, the PUBLISH must never be sent again [MQTT-4.3.3-1]; a broker restarted before
            // the release was stored would send it again, and the display, done with that id, take it as new.
            display.expectSilence(Duration.ofMillis(1_500));
            assertThat(journal.failing()).isTrue();

            disk.failing = false;
            RawMqtt.Packet pubrel = display.read();
            assertThat(pubrel.type()).isEqualTo(RawMqtt.PUBREL);
            assertThat(pubrel.packetId()).isEqualTo(packetId);
            display.send(RawMqtt.ackPacket(RawMqtt.PUBCOMP, packetId));
        }
    }

    @Test
    void aQos2MessageFromAPersistentSessionReachesSubscribersOnlyOnceItsReceiptIsStored() throws Exception {
        start();
        try (RawMqtt display = doorDisplay("hall-display", true)) {
            connectDoorSensor(false);
            // Delivered before the receipt was stored and the broker restarted, the sensor would send it again,
            // and the display would be sent it twice.
            assertDoorOpenReachesDisplayOnlyOnceTheDiskWorks(display);
            display.expectSilence(Duration.ofMillis(500));
        }
    }

    @Test
    void aQos2MessageReachesAPersistentSubscriberOnlyOnceItsPacketIdIsStored() throws Exception {
        start();
        try (RawMqtt display = doorDisplay("porch-display", false)) {
            connectDoorSensor(true);
            // Sent before the packet id was stored and the broker restarted, the display would be sent the message
            // again under another id, and take it for a new one.
            assertDoorOpenReachesDisplayOnlyOnceTheDiskWorks(display);
        }
    }

    /**
     * The door sensor publishes "open" at QoS 2 while the disk fails: the display is sent nothing. Once the disk
     * works again it is sent the message, and both QoS 2 exchanges complete.
     */
    private void assertDoorOpenReachesDisplayOnlyOnceTheDiskWorks(RawMqtt display) throws Exception {
        disk.failing = true;
        IMqttDeliveryToken sent = client.publish("home/door", bytes("open"), 2, false);
        display.expectSilence(Duration.ofMillis(1_500));
        assertThat(journal.failing()).isTrue();

        disk.failing = false;
        RawMqtt.Packet publish = display.read();
        assertThat(publish.type()).isEqualTo(RawMqtt.PUBLISH);
        assertThat(publish.publishPayload()).isEqualTo("open");
        display.send(RawMqtt.ackPacket(RawMqtt.PUBREC, publish.publishPacketId()));
        assertThat(display.read().type()).isEqualTo(RawMqtt.PUBREL);
        display.send(RawMqtt.ackPacket(RawMqtt.PUBCOMP, publish.publishPacketId()));
        sent.waitForCompletion(10_000);
        assertThat(sent.isComplete()).isTrue();
    }

    /** A client subscribed to {@code home/door} at QoS 2, read packet by packet. */
    private RawMqtt doorDisplay(String clientId, boolean cleanSession) throws Exception {
        RawMqtt display = new RawMqtt(port);
        display.connect(clientId, cleanSession, 60);
        display.send(RawMqtt.subscribePacket(1, "home/door", 2));
        assertThat(display.read().type()).isEqualTo(RawMqtt.SUBACK);
        return display;
    }

    /** The publisher on {@code home/door}, as {@link #client}. */
    private void connectDoorSensor(boolean cleanSession) throws Exception {
        client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "door-sensor", new MemoryPersistence());
        client.connect(BrokerFixture.options(cleanSession)).waitForCompletion(5_000);
    }

    private void start() {
        database = Database.open(data, List.of("hub"));
        journal = new H2Journal(disk.wrap(database.dataSource()));
        StoredState stored = journal.load();
        BrokerStorage storage = new BrokerStorage(new InMemorySessionStore(),
                new DurableRetainedStore(new InMemoryRetainedStore(), journal), journal, stored.sessions());
        BrokerConfig config = BrokerConfig.defaults();
        broker = new MqttBroker(config, storage, new AnonymousAuthenticator(AnonymousAccess.ANY),
                TopicPermissions.OPEN);
        journal.start(broker.loop(), broker::snapshot);
        port = broker.start("127.0.0.1", 0).getPort();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
