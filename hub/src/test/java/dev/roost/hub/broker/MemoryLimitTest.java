package dev.roost.hub.broker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When queue memory is spent, QoS 1/2 publishers are refused before their message is acknowledged. */
class MemoryLimitTest {

    @Test
    void publisherIsDisconnectedWithoutPubackOnceQueueMemoryIsFull() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().maxQueuedBytes(4096).build())) {
            try (RawMqtt offline = new RawMqtt(fixture.port())) {
                offline.connect("away", false, 60);
                offline.send(RawMqtt.subscribePacket(1, "bulk", 1));
                offline.read();
                offline.send(RawMqtt.disconnectPacket());
            }
            String payload = "x".repeat(1000);
            int acknowledged = 0;
            try (RawMqtt pub = new RawMqtt(fixture.port())) {
                pub.connect("producer", true, 60);
                for (int id = 1; id <= 20; id++) {
                    pub.send(RawMqtt.publishPacket("bulk", payload, 1, false, id));
                    try {
                        RawMqtt.Packet ack = pub.read();
                        assertThat(ack.type()).isEqualTo(RawMqtt.PUBACK);
                        acknowledged++;
                    } catch (java.io.EOFException closed) {
                        break;
                    }
                }
            }
            assertThat(acknowledged).isBetween(1, 19);
            assertThat(fixture.broker().stats().publishesRefused.sum()).isEqualTo(1);
            int queued = acknowledged;
            assertThat(fixture.broker().<Integer>inspect(ctx -> ctx.sessions().get("away").queuedCount()))
                    .as("every acknowledged message is kept").isEqualTo(queued);
        }
    }
}
