package dev.roost.hub.broker;

import dev.roost.hub.broker.auth.AnonymousAccess;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CONNACK refusal code the broker sends, each followed by the close [MQTT-3.2.2-5]. */
class ConnectRefusalTest {

    private static byte[] connectWithUser(String clientId, String user, String password) {
        RawMqtt.Bytes body = new RawMqtt.Bytes().string("MQTT").u8(4).u8(0x02 | 0x80 | 0x40).u16(30)
                .string(clientId).string(user).string(password);
        return RawMqtt.packet(0x10, body.toArray());
    }

    /** Sends the CONNECT and returns the CONNACK return code, asserting the session-present flag is 0. */
    private static int refusalCode(int port, byte[] connect) throws IOException {
        try (RawMqtt client = new RawMqtt(port)) {
            client.send(connect);
            RawMqtt.Packet connAck = client.read();
            assertThat(connAck.type()).isEqualTo(RawMqtt.CONNACK);
            assertThat(connAck.body()[0]).isZero(); // [MQTT-3.2.2-4]
            assertThat(client.closedByBroker()).isTrue();
            return connAck.body()[1];
        }
    }

    @Test
    void anonymousClientIsNotAuthorizedWhenAnonymousAccessIsOff() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(
                BrokerConfig.builder().anonymousAccess(AnonymousAccess.NONE).build())) {
            assertThat(refusalCode(fixture.port(), RawMqtt.connectPacket("anon", true, 30))).isEqualTo(5);
        }
    }

    @Test
    void credentialsThatCannotBeCheckedAreABadUserNameOrPassword() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(
                BrokerConfig.builder().anonymousAccess(AnonymousAccess.NONE).build())) {
            assertThat(refusalCode(fixture.port(), connectWithUser("dev", "alice", "secret"))).isEqualTo(4);
        }
    }

    @Test
    void anonymousClientFromLoopbackIsAcceptedByDefault() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(); RawMqtt client = new RawMqtt(fixture.port())) {
            assertThat(client.connect("local", true, 30)).isFalse();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreToldServerUnavailable() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().maxConnections(1).build());
             RawMqtt first = new RawMqtt(fixture.port())) {
            first.connect("first", true, 30);
            assertThat(refusalCode(fixture.port(), RawMqtt.connectPacket("second", true, 30))).isEqualTo(3);
        }
    }

    @Test
    void keepAliveAboveTheMaximumIsRefused() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().maxKeepAlive(60).build())) {
            assertThat(refusalCode(fixture.port(), RawMqtt.connectPacket("lazy", true, 61))).isEqualTo(2);
            try (RawMqtt ok = new RawMqtt(fixture.port())) {
                ok.connect("fine", true, 60);
            }
        }
    }

    @Test
    void keepAliveZeroStaysAllowedUnderAMaximumUnlessConfiguredOff() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().maxKeepAlive(60).build());
             RawMqtt device = new RawMqtt(fixture.port())) {
            device.connect("tasmota", true, 0);
        }
        try (BrokerFixture strict = new BrokerFixture(
                BrokerConfig.builder().maxKeepAlive(60).allowZeroKeepAlive(false).build())) {
            assertThat(refusalCode(strict.port(), RawMqtt.connectPacket("tasmota", true, 0))).isEqualTo(2);
        }
    }

    @Test
    void willOnASystemTopicIsNotAuthorized() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture()) {
            RawMqtt.Bytes body = new RawMqtt.Bytes().string("MQTT").u8(4).u8(0x02 | 0x04).u16(30)
                    .string("spoofer").string("$SYS/broker/version").string("fake");
            assertThat(refusalCode(fixture.port(), RawMqtt.packet(0x10, body.toArray()))).isEqualTo(5);
        }
    }
}
