package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WillTest {

    private final BrokerFixture fixture = new BrokerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static byte[] connectWithWill(String clientId, int keepAlive) {
        RawMqtt.Bytes variable = new RawMqtt.Bytes().string("MQTT").u8(4)
                .u8(0x02 | 0x04 | (1 << 3) | 0x20) // clean, will, will QoS 1, will retain
                .u16(keepAlive).string(clientId)
                .string("home/" + clientId + "/availability").string("offline");
        return RawMqtt.packet(0x10, variable.toArray());
    }

    private Received watchAvailability() throws Exception {
        MqttClient watcher = fixture.connect("watcher");
        Received received = new Received();
        watcher.subscribe("home/+/availability", 1, received);
        return received;
    }

    @Test
    void willIsPublishedWhenTheSocketIsKilled() throws Exception {
        Received received = watchAvailability();
        RawMqtt device = new RawMqtt(fixture.port());
        device.send(connectWithWill("sensor", 30));
        assertThat(device.read().type()).isEqualTo(RawMqtt.CONNACK);
        device.close(); // no DISCONNECT

        Received.Msg will = received.next();
        assertThat(will.topic()).isEqualTo("home/sensor/availability");
        assertThat(will.payload()).isEqualTo("offline");
        assertThat(will.qos()).isEqualTo(1);
    }

    @Test
    void willIsRetainedWhenAskedTo() throws Exception {
        RawMqtt device = new RawMqtt(fixture.port());
        device.send(connectWithWill("relay", 30));
        device.read();
        device.close();
        Received received = watchAvailability();
        Received.Msg will = received.next();
        assertThat(will.payload()).isEqualTo("offline");
        assertThat(will.retained()).isTrue();
    }

    @Test
    void willIsNotSentAfterCleanDisconnect() throws Exception {
        Received received = watchAvailability();
        try (RawMqtt device = new RawMqtt(fixture.port())) {
            device.send(connectWithWill("polite", 30));
            device.read();
            device.send(RawMqtt.disconnectPacket());
            assertThat(device.closedByBroker()).isTrue();
        }
        received.expectNothing(Duration.ofMillis(500));
    }

    @Test
    void willIsPublishedWhenKeepAliveExpires() throws Exception {
        Received received = watchAvailability();
        try (RawMqtt device = new RawMqtt(fixture.port())) {
            device.send(connectWithWill("sleepy", 1));
            device.read();
            long start = System.nanoTime();
            Received.Msg will = received.next(Duration.ofSeconds(4));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(will.topic()).isEqualTo("home/sleepy/availability");
            assertThat(elapsedMs).isGreaterThanOrEqualTo(1000); // 1.5 x keepalive, not before
        }
    }

    @Test
    void willIsPublishedOnProtocolViolation() throws Exception {
        Received received = watchAvailability();
        try (RawMqtt device = new RawMqtt(fixture.port())) {
            device.send(connectWithWill("rude", 30));
            device.read();
            device.send(RawMqtt.publishPacket("bad/+/topic", "x", 0, false, 0));
            assertThat(device.closedByBroker()).isTrue();
        }
        assertThat(received.next().topic()).isEqualTo("home/rude/availability");
    }

    @Test
    void pingKeepsTheConnectionAlive() throws Exception {
        try (RawMqtt device = new RawMqtt(fixture.port())) {
            device.connect("pinger", true, 1);
            for (int i = 0; i < 4; i++) {
                Thread.sleep(600);
                device.send(new byte[] {(byte) 0xC0, 0});
                assertThat(device.read().type()).isEqualTo(RawMqtt.PINGRESP);
            }
        }
    }
}
