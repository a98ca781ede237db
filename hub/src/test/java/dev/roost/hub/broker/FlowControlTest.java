package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What happens when subscribers cannot keep up: acknowledged messages are never lost silently. */
class FlowControlTest {

    @Test
    void aBusySubscriberSlowsThePublisherInsteadOfLosingMessages() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().maxQueuedMessages(10).build());
             RawMqtt slow = new RawMqtt(fixture.port())) {
            slow.connect("slow-reader", true, 60);
            slow.send(RawMqtt.subscribePacket(1, "flood", 1));
            slow.read();
            MqttClient pub = fixture.connect("pub");
            Thread publisher = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        pub.publish("flood", Integer.toString(i).getBytes(), 1, false);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            publisher.start();
            Set<String> received = new HashSet<>();
            while (received.size() < 200) {
                RawMqtt.Packet publish = slow.read();
                received.add(publish.publishPayload());
                Thread.sleep(2); // a subscriber slower than the publisher
                slow.send(RawMqtt.ackPacket(RawMqtt.PUBACK, publish.publishPacketId()));
            }
            publisher.join(10_000);
            assertThat(received).hasSize(200);
            assertThat(fixture.broker().stats().queueOverflowDrops.sum()).isZero();
        }
    }

    @Test
    void aStuckSubscriberDoesNotStopOthersFromReceiving() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(); RawMqtt stuck = new RawMqtt(fixture.port())) {
            stuck.connect("stuck", true, 600);
            stuck.send(RawMqtt.subscribePacket(1, "video", 0));
            stuck.read(); // SUBACK, then it never reads again
            MqttClient healthy = fixture.connect("healthy");
            Received received = new Received();
            healthy.subscribe("video", 0, received);
            MqttClient pub = fixture.connect("camera");
            byte[] frame = new byte[16 * 1024];
            int frames = 2000; // 32 MB: far more than the socket buffers and the broker's per-client limit
            for (int i = 0; i < frames; i++) {
                Arrays.fill(frame, 0, 4, (byte) i);
                pub.publish("video", frame, 0, false);
            }
            assertThat(received.take(frames, Duration.ofSeconds(30))).hasSize(frames);
            assertThat(fixture.broker().stats().qos0Drops.sum()).isPositive(); // the stuck one lost them, counted
        }
    }
}
