package dev.roost.hub.broker;

import dev.roost.hub.broker.RawMqtt.Bytes;
import dev.roost.hub.broker.RawMqtt.Packet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static dev.roost.hub.broker.BrokerFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and forbidden input over raw sockets. Each case must end only the offending connection: one
 * broker serves every case while a healthy Paho client publishes and receives at QoS 1 throughout, and
 * after each case a message it published after the bad connection ended must still arrive, with nothing
 * lost before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class MalformedInputTest {

    private static final int MAX_PACKET_SIZE = 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final byte[] PINGREQ = {(byte) 0xC0, 0};

    private BrokerFixture fixture;
    private HealthyClient healthy;

    @BeforeAll
    void startBrokerAndHealthyClient() throws Exception {
        fixture = new BrokerFixture(BrokerConfig.builder()
                .maxPacketSize(MAX_PACKET_SIZE)
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
        healthy = HealthyClient.start(fixture);
    }

    @AfterEach
    void healthyClientLostNothing() throws Exception {
        healthy.assertDeliveredWithoutLoss(Duration.ofSeconds(5));
        awaitOnlyHealthyClientConnected();
    }

    @AfterAll
    void stopBroker() throws Exception {
        try {
            if (healthy != null) {
                healthy.stopAndAssertCountsMatch(Duration.ofSeconds(5));
            }
        } finally {
            if (healthy != null) {
                healthy.close();
            }
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    // ---- broken framing ----

    @Test
    void halfAConnectFollowedByEndOfStreamIsClosedQuietly() throws Exception {
        byte[] connect = RawMqtt.connectPacket("half", true, 0);
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(Arrays.copyOf(connect, connect.length / 2));
            socket.shutdownOutput();

            assertEndOfStreamWithoutReply(socket.getInputStream());
        }
        assertNewConnectionsAreStillAccepted();
    }

    @Test
    void halfAConnectFollowedBySilenceIsClosedAtTheConnectTimeout() throws Exception {
        byte[] connect = RawMqtt.connectPacket("half-silent", true, 0);
        try (RawMqtt client = raw()) {
            client.send(Arrays.copyOf(connect, connect.length / 2));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void halfAPublishFollowedByEndOfStreamIsClosedQuietly() throws Exception {
        byte[] publish = RawMqtt.publishPacket("half/publish", "payload", 1, false, 1);
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(RawMqtt.connectPacket("half-publish", true, 0));
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);
            socket.getOutputStream().write(Arrays.copyOf(publish, publish.length / 2));
            socket.shutdownOutput();

            assertEndOfStreamWithoutReply(in);
        }
        assertNewConnectionsAreStillAccepted();
    }

    @Test
    void remainingLengthOfFiveBytesClosesTheConnection() throws Exception {
        try (RawMqtt client = connected("five-byte-length")) {
            client.send(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void publishLargerThanMaxPacketSizeClosesTheConnection() throws Exception {
        byte[] publish = publishOfTotalSize(MAX_PACKET_SIZE + 1);
        assertThat(publish).hasSize(MAX_PACKET_SIZE + 1);
        try (RawMqtt client = connected("oversize")) {
            client.send(publish);

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void publishOfExactlyMaxPacketSizeIsAccepted() throws Exception {
        byte[] publish = publishOfTotalSize(MAX_PACKET_SIZE);
        assertThat(publish).hasSize(MAX_PACKET_SIZE);
        try (RawMqtt client = connected("largest-allowed")) {
            client.send(publish);

            Packet ack = client.read();
            assertThat(ack.type()).isEqualTo(RawMqtt.PUBACK);
            assertThat(ack.packetId()).isEqualTo(1);
        }
    }

    // ---- CONNECT ----

    @Test
    void publishBeforeConnectClosesTheConnection() throws Exception {
        try (RawMqtt client = raw()) {
            client.send(RawMqtt.publishPacket("too/early", "x", 0, false, 0));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void secondConnectClosesTheConnection() throws Exception {
        try (RawMqtt client = connected("twice")) {
            client.send(RawMqtt.connectPacket("twice", true, 0));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void connectWithReservedFlagSetIsClosedWithoutConnack() throws Exception {
        try (RawMqtt client = raw()) {
            client.send(connect("MQTT", 4, 0x02 | 0x01, new Bytes().string("reserved")));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void willQos3IsClosedWithoutConnack() throws Exception {
        int flags = 0x02 | 0x04 | (3 << 3); // clean, will, will QoS 3
        try (RawMqtt client = raw()) {
            client.send(connect("MQTT", 4, flags, new Bytes().string("will-qos3").string("will/topic")
                    .string("gone")));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void willQosWithoutWillFlagIsClosedWithoutConnack() throws Exception {
        int flags = 0x02 | (1 << 3); // clean, will QoS 1, no will flag
        try (RawMqtt client = raw()) {
            client.send(connect("MQTT", 4, flags, new Bytes().string("will-qos-no-flag")));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void passwordWithoutUserNameIsClosedWithoutConnack() throws Exception {
        int flags = 0x02 | 0x40; // clean, password, no user name
        try (RawMqtt client = raw()) {
            client.send(connect("MQTT", 4, flags, new Bytes().string("password-only").string("secret")));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void unknownProtocolLevelGetsConnackReturnCode1ThenClose() throws Exception {
        try (RawMqtt client = raw()) {
            client.send(connect("MQTT", 6, 0x02, new Bytes().string("level-six")));

            assertConnAck(client.read(), 1);
            assertThat(client.closedByBroker()).as("closed after the refusal").isTrue();
        }
    }

    @Test
    void unknownProtocolNameIsClosedWithoutConnack() throws Exception {
        try (RawMqtt client = raw()) {
            client.send(connect("FOO", 4, 0x02, new Bytes().string("foo")));

            assertClosedWithoutReply(client);
        }
    }

    @Test
    void emptyClientIdWithPersistentSessionGetsConnackReturnCode2ThenClose() throws Exception {
        try (RawMqtt client = raw()) {
            client.send(RawMqtt.connectPacket("", false, 0));

            assertConnAck(client.read(), 2);
            assertThat(client.closedByBroker()).as("closed after the refusal").isTrue();
        }
    }

    @Test
    void emptyClientIdWithCleanSessionIsAcceptedWithAServerAssignedId() throws Exception {
        try (RawMqtt client = raw()) {
            client.send(RawMqtt.connectPacket("", true, 0));

            assertConnAck(client.read(), 0);
            assertStillOpen(client);
        }
    }

    @Test
    void socketThatNeverSendsConnectIsClosedAfterTheConnectTimeout() throws Exception {
        long started = System.nanoTime();
        try (RawMqtt client = raw()) {
            assertClosedWithoutReply(client);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(waited).isBetween(CONNECT_TIMEOUT.minusMillis(100), Duration.ofSeconds(3));
        }
    }

    @Test
    void silentClientIsClosedAfterOneAndAHalfKeepAlives() throws Exception {
        try (RawMqtt client = raw()) {
            client.connect("keepalive-1s", true, 1);
            long connected = System.nanoTime();

            assertThat(client.closedByBroker()).as("closed for missing keepalive").isTrue();
            Duration waited = Duration.ofNanos(System.nanoTime() - connected);
            assertThat(waited).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        }
    }

    @Test
    void clientThatPingsWithinItsKeepAliveStaysConnected() throws Exception {
        try (RawMqtt client = raw()) {
            client.connect("keepalive-pinging", true, 1);
            for (int i = 0; i < 6; i++) { // 3 s, twice the enforced 1.5 s
                Thread.sleep(500);
                assertStillOpen(client);
            }
        }
    }

    // ---- PUBLISH ----

    @Test
    void publishToTopicWithPlusWildcardClosesTheConnection() throws Exception {
        assertPacketClosesConnection("wildcard-plus", RawMqtt.publishPacket("home/+/temperature", "21", 0, false,
                0));
    }

    @Test
    void publishToTopicWithHashWildcardClosesTheConnection() throws Exception {
        assertPacketClosesConnection("wildcard-hash", RawMqtt.publishPacket("home/#", "21", 0, false, 0));
    }

    @Test
    void publishWithQos3ClosesTheConnection() throws Exception {
        byte[] body = new Bytes().string("qos/three").u16(1).raw(bytes("x")).toArray();
        assertPacketClosesConnection("qos3", RawMqtt.packet(0x30 | (3 << 1), body));
    }

    @Test
    void publishQos1WithPacketId0ClosesTheConnection() throws Exception {
        assertPacketClosesConnection("packet-id-0", RawMqtt.publishPacket("id/zero", "x", 1, false, 0));
    }

    @Test
    void publishToTopicWithInvalidUtf8ClosesTheConnection() throws Exception {
        byte[] body = new Bytes().u16(2).raw(new byte[] {(byte) 0xC3, 0x28}).raw(bytes("x")).toArray();
        assertPacketClosesConnection("invalid-utf8", RawMqtt.packet(0x30, body));
    }

    @Test
    void publishToTopicContainingNullCharacterClosesTheConnection() throws Exception {
        byte[] body = new Bytes().u16(3).raw(new byte[] {'a', 0, 'b'}).raw(bytes("x")).toArray();
        assertPacketClosesConnection("nul-in-topic", RawMqtt.packet(0x30, body));
    }

    @Test
    void publishToDollarTopicIsNotDeliveredButStillAcknowledged() throws Exception {
        MqttClient subscriber = fixture.connect("dollar-subscriber");
        try (RawMqtt client = connected("dollar-publisher")) {
            Received received = new Received();
            subscriber.subscribe("$foo/#", 1, received);

            client.send(RawMqtt.publishPacket("$foo/bar", "spoof", 1, false, 5));

            Packet ack = client.read();
            assertThat(ack.type()).isEqualTo(RawMqtt.PUBACK);
            assertThat(ack.packetId()).isEqualTo(5);
            received.expectNothing(Duration.ofMillis(500));
            assertStillOpen(client);
        } finally {
            subscriber.disconnect(1000);
        }
    }

    @Test
    void retainedPublishToDollarTopicIsNotStored() throws Exception {
        MqttClient subscriber = fixture.connect("dollar-retained-subscriber");
        try (RawMqtt client = connected("dollar-retained-publisher")) {
            client.send(RawMqtt.publishPacket("$foo/retained", "spoof", 1, true, 6));
            assertThat(client.read().type()).isEqualTo(RawMqtt.PUBACK);

            Received received = new Received();
            subscriber.subscribe("$foo/#", 1, received);

            received.expectNothing(Duration.ofMillis(500));
            assertStillOpen(client);
        } finally {
            subscriber.disconnect(1000);
        }
    }

    // ---- SUBSCRIBE / UNSUBSCRIBE ----

    @Test
    void subscribeWithWrongFixedHeaderFlagsClosesTheConnection() throws Exception {
        byte[] body = new Bytes().u16(1).string("some/filter").u8(0).toArray();
        assertPacketClosesConnection("subscribe-flags", RawMqtt.packet(0x80, body));
    }

    @Test
    void subscribeWithoutFiltersClosesTheConnection() throws Exception {
        assertPacketClosesConnection("subscribe-empty", RawMqtt.packet(0x82, new Bytes().u16(1).toArray()));
    }

    @Test
    void subscribeWithRequestedQos3ClosesTheConnection() throws Exception {
        assertPacketClosesConnection("subscribe-qos3", RawMqtt.subscribePacket(1, "some/filter", 3));
    }

    @Test
    void unsubscribeWithoutFiltersClosesTheConnection() throws Exception {
        assertPacketClosesConnection("unsubscribe-empty", RawMqtt.packet(0xA2, new Bytes().u16(1).toArray()));
    }

    @Test
    void invalidFilterAmongThreeIsRefusedAloneInTheSuback() throws Exception {
        byte[] subscribe = RawMqtt.packet(0x82, new Bytes().u16(7)
                .string("ok/one").u8(1)
                .string("bad/#/filter").u8(1)
                .string("ok/two").u8(0)
                .toArray());
        try (RawMqtt client = connected("three-filters")) {
            client.send(subscribe);

            Packet subAck = client.read();
            assertThat(subAck.type()).isEqualTo(RawMqtt.SUBACK);
            assertThat(subAck.body()).containsExactly(0x00, 0x07, 0x01, 0x80, 0x00);
            assertStillOpen(client);
        }
    }

    // ---- packets only a server may send ----

    @TestFactory
    Stream<DynamicTest> clientSendingAServerOnlyPacketIsClosed() {
        Map<String, byte[]> packets = Map.of(
                "CONNACK", new byte[] {0x20, 0x02, 0x00, 0x00},
                "SUBACK", new byte[] {(byte) 0x90, 0x03, 0x00, 0x01, 0x00},
                "UNSUBACK", new byte[] {(byte) 0xB0, 0x02, 0x00, 0x01},
                "PINGRESP", new byte[] {(byte) 0xD0, 0x00});
        return packets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> DynamicTest.dynamicTest(entry.getKey() + " from a client closes its connection", () -> {
                    assertPacketClosesConnection("sends-" + entry.getKey(), entry.getValue());
                    healthy.assertDeliveredWithoutLoss(Duration.ofSeconds(5));
                }));
    }

    // ---- helpers ----

    /** Connects properly, sends the packet and expects the broker to close without answering it. */
    private void assertPacketClosesConnection(String clientId, byte[] packet) throws Exception {
        try (RawMqtt client = connected(clientId)) {
            client.send(packet);

            assertClosedWithoutReply(client);
        }
    }

    private RawMqtt raw() throws IOException {
        return new RawMqtt(fixture.port());
    }

    /** A raw client past CONNECT/CONNACK 0, closed again if the handshake fails. */
    private RawMqtt connected(String clientId) throws IOException {
        RawMqtt client = raw();
        try {
            client.connect(clientId, true, 0);
            return client;
        } catch (IOException | RuntimeException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    private Socket rawSocket() throws IOException {
        Socket socket = new Socket("127.0.0.1", fixture.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** A CONNECT with the given protocol name, level and connect flags; keepalive 0. */
    private static byte[] connect(String protocolName, int level, int flags, Bytes payload) {
        Bytes body = new Bytes().string(protocolName).u8(level).u8(flags).u16(0).raw(payload.toArray());
        return RawMqtt.packet(0x10, body.toArray());
    }

    /** A QoS 1 PUBLISH (packet id 1) padded so the whole packet, fixed header included, has this size. */
    private static byte[] publishOfTotalSize(int total) {
        String topic = "size/test";
        int fixedHeader = 1 + 2; // type byte and a two-byte remaining length (128..16383)
        int payload = total - fixedHeader - (2 + topic.length()) - 2;
        return RawMqtt.publishPacket(topic, "x".repeat(payload), 1, false, 1);
    }

    private static void assertConnAck(Packet packet, int returnCode) {
        assertThat(packet.type()).as("packet type").isEqualTo(RawMqtt.CONNACK);
        assertThat(packet.body()).as("CONNACK session present and return code")
                .containsExactly(0x00, returnCode);
    }

    /** The broker closes the connection and sends nothing before doing so. */
    private static void assertClosedWithoutReply(RawMqtt client) throws IOException {
        assertEndOfStreamWithoutReply(client.input());
    }

    private static void assertEndOfStreamWithoutReply(InputStream in) throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the broker did not close the connection within the socket timeout");
        } catch (SocketException e) {
            return; // reset by the broker: closed, and nothing was received
        }
        assertThat(first).as("first byte from the broker (-1 = closed without reply)").isEqualTo(-1);
    }

    /** PINGREQ gets PINGRESP: the connection is alive. */
    private static void assertStillOpen(RawMqtt client) throws IOException {
        client.send(PINGREQ);
        assertThat(client.read().type()).as("answer to PINGREQ").isEqualTo(RawMqtt.PINGRESP);
    }

    private void assertNewConnectionsAreStillAccepted() throws IOException {
        try (RawMqtt client = connected("after-truncation")) {
            assertStillOpen(client);
        }
    }

    private void awaitOnlyHealthyClientConnected() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fixture.broker().stats().connectedClients.get() != 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fixture.broker().stats().connectedClients.get())
                .as("connections the broker counts once the bad one is gone").isEqualTo(1);
    }
}
