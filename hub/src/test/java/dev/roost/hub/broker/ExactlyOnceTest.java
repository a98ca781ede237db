package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** QoS 2 exactly-once when the connection drops in the middle of the handshake. */
class ExactlyOnceTest {

    private final BrokerFixture fixture = new BrokerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void publisherDroppingBetweenPubrecAndPubrelDeliversOnce() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("lock/set", 2, received);

        try (RawMqtt pub = new RawMqtt(fixture.port())) {
            pub.connect("phone", false, 30);
            pub.send(RawMqtt.publishPacket("lock/set", "UNLOCK", 2, false, 7));
            RawMqtt.Packet pubrec = pub.read();
            assertThat(pubrec.type()).isEqualTo(RawMqtt.PUBREC);
            assertThat(pubrec.packetId()).isEqualTo(7);
        } // dropped before PUBREL

        try (RawMqtt pub = new RawMqtt(fixture.port())) {
            assertThat(pub.connect("phone", false, 30)).isTrue();
            // A client that lost the PUBREC sends the PUBLISH again with DUP; it must not be routed twice.
            byte[] dup = RawMqtt.publishPacket("lock/set", "UNLOCK", 2, false, 7);
            dup[0] |= 0x08;
            pub.send(dup);
            assertThat(pub.read().type()).isEqualTo(RawMqtt.PUBREC);
            pub.send(RawMqtt.ackPacket(RawMqtt.PUBREL, 7));
            RawMqtt.Packet pubcomp = pub.read();
            assertThat(pubcomp.type()).isEqualTo(RawMqtt.PUBCOMP);
            assertThat(pubcomp.packetId()).isEqualTo(7);
        }

        assertThat(received.next().payload()).isEqualTo("UNLOCK");
        received.expectNothing(Duration.ofMillis(500));
    }

    @Test
    void subscriberDroppingAfterPubrecGetsPubrelNotTheMessageAgain() throws Exception {
        try (RawMqtt sub = new RawMqtt(fixture.port())) {
            sub.connect("lock", false, 30);
            sub.send(RawMqtt.subscribePacket(1, "lock/set", 2));
            sub.read();
            fixture.connect("phone").publish("lock/set", "UNLOCK".getBytes(), 2, false);
            RawMqtt.Packet publish = sub.read();
            assertThat(publish.type()).isEqualTo(RawMqtt.PUBLISH);
            sub.send(RawMqtt.ackPacket(RawMqtt.PUBREC, publish.publishPacketId()));
            RawMqtt.Packet pubrel = sub.read();
            assertThat(pubrel.type()).isEqualTo(RawMqtt.PUBREL);
            assertThat(pubrel.header()).isEqualTo(0x62);
            // dropped before PUBCOMP
        }
        try (RawMqtt sub = new RawMqtt(fixture.port())) {
            assertThat(sub.connect("lock", false, 30)).isTrue();
            RawMqtt.Packet again = sub.read();
            assertThat(again.type()).isEqualTo(RawMqtt.PUBREL); // [MQTT-4.4.0-1]
            sub.send(RawMqtt.ackPacket(RawMqtt.PUBCOMP, again.packetId()));
            sub.send(new byte[] {(byte) 0xC0, 0});
            assertThat(sub.read().type()).isEqualTo(RawMqtt.PINGRESP); // nothing else was sent before
        }
        assertThat(fixture.broker().<Integer>inspect(ctx -> ctx.sessions().get("lock").inflightCount())).isZero();
    }

    @Test
    void qos2DeliveryBetweenRealClientsIsExactlyOnce() throws Exception {
        MqttClient sub = fixture.connect("sub");
        Received received = new Received();
        sub.subscribe("exact", 2, received);
        MqttClient pub = fixture.connect("pub");
        for (int i = 0; i < 100; i++) {
            pub.publish("exact", Integer.toString(i).getBytes(), 2, false);
        }
        assertThat(received.take(100, Duration.ofSeconds(10))).extracting(Received.Msg::payload)
                .doesNotHaveDuplicates();
        received.expectNothing(Duration.ofMillis(300));
    }
}
