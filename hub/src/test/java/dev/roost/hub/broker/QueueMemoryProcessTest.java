package dev.roost.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roost.hub.ChildHub;
import dev.roost.hub.Ports;
import dev.roost.hub.users.LocalAdminToken;
import dev.roost.hub.web.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue memory limit protects the heap the appliance runs in. A hub started as the systemd unit starts it
 * (64 MiB heap, serial collector), whose one persistent subscriber is away, is sent small QoS 1 messages on
 * topics of their own until its default limit refuses more. It must then still be far from the end of its heap,
 * answer, and hand the subscriber every message it acknowledged.
 */
@Timeout(150)
class QueueMemoryProcessTest {

    private static final Duration READY = Duration.ofSeconds(30);
    /** Sent before reading their acknowledgements, as a busy publisher keeps messages in flight. */
    private static final int WINDOW = 250;
    /** Far more than the default limit takes: 64-byte messages cost about 300 bytes of heap each. */
    private static final int MOST = 1_000_000;

    @TempDir
    Path temp;

    private Process hub;
    private MqttClient subscriber;

    @AfterEach
    void cleanUp() throws Exception {
        try {
            BrokerFixture.discard(subscriber);
        } finally {
            ChildHub.kill(hub);
        }
    }

    @Test
    void smallMessagesForAnAbsentSubscriberAreRefusedWellBeforeTheHeapRunsOut() throws Exception {
        Path data = temp.resolve("data");
        Path config = temp.resolve("roost.yaml");
        // Only the limit on all queues together stops the flood, not the one per client.
        Files.writeString(config, """
                mqtt:
                  host: 127.0.0.1
                  maxQueuedMessages: 10000000
                http:
                  host: 127.0.0.1
                """);
        hub = ChildHub.start(temp, List.of("-XX:+UseSerialGC", "-Xmn10m"), "--config", config.toString(),
                "--data", data.toString(), "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0",
                "--tls-port", "0", "--wss-port", "0");
        await().atMost(READY).until(() -> Files.exists(data.resolve(Ports.FILE_NAME)) || !hub.isAlive());
        assertThat(hub.isAlive()).as(ChildHub.describe(hub, temp)).isTrue();
        Ports ports = Ports.readFrom(data);
        String uri = "tcp://127.0.0.1:" + ports.mqtt();

        subscriber = new MqttClient(uri, "away", new MemoryPersistence());
        subscriber.connect(BrokerFixture.options(false));
        subscriber.subscribe("flood/#", 1);
        subscriber.disconnect();

        int acknowledged = publishUntilRefused(ports.mqtt());
        assertThat(acknowledged).as("messages taken before the limit refused more").isBetween(10_000, MOST - 1);

        collectGarbage();
        Map<String, Double> metrics = scrape(ports, data);
        double heapMax = metrics.get("jvm_memory_heap_max_bytes");
        assertThat(metrics.get("jvm_memory_heap_after_gc_bytes"))
                .as("heap held after the last collection, of %.0f; %s", heapMax, ChildHub.describe(hub, temp))
                .isLessThan(0.7 * heapMax);
        assertThat(metrics.get("roost_messages_refused_total")).isGreaterThanOrEqualTo(1.0);

        BitSet received = new BitSet();
        subscriber.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the wait below fails with the count so far
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String payload = new String(message.getPayload(), StandardCharsets.US_ASCII);
                synchronized (received) {
                    received.set(Integer.parseInt(payload.substring(0, 8)));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // it publishes nothing
            }
        });
        subscriber.connect(BrokerFixture.options(false));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            synchronized (received) {
                return received.cardinality() >= acknowledged;
            }
        });
        synchronized (received) {
            // Those sent after the last acknowledgement may have been kept too, though never acknowledged.
            assertThat(received.nextClearBit(0)).as("every acknowledged message arrived")
                    .isGreaterThanOrEqualTo(acknowledged);
        }
        assertThat(ChildHub.read(ChildHub.stdout(temp)) + ChildHub.read(ChildHub.stderr(temp)))
                .doesNotContain("OutOfMemoryError");
    }

    /**
     * Publishes QoS 1 messages, a window at a time, until the broker refuses one (an MQTT 3.1.1 publisher is then
     * disconnected); returns how many it acknowledged, all of them in order.
     */
    private static int publishUntilRefused(int port) throws IOException {
        int acknowledged = 0;
        try (RawMqtt publisher = new RawMqtt(port)) {
            publisher.connect("flood", true, 60);
            while (acknowledged < MOST) {
                ByteArrayOutputStream window = new ByteArrayOutputStream();
                for (int i = acknowledged; i < acknowledged + WINDOW; i++) {
                    // A topic of its own for each message: none is shared with the message before it.
                    window.writeBytes(RawMqtt.publishPacket("flood/device-" + (i % 1000) + "/state",
                            String.format("%08d", i) + "x".repeat(56), 1, false, i % 65535 + 1));
                }
                publisher.send(window.toByteArray());
                for (int i = 0; i < WINDOW; i++) {
                    try {
                        assertThat(publisher.read().type()).isEqualTo(RawMqtt.PUBACK);
                    } catch (EOFException | SocketException refused) {
                        return acknowledged;
                    }
                    acknowledged++;
                }
            }
        }
        return acknowledged;
    }

    /** A full collection in the hub, so that the heap it reports after one is what it holds now. */
    private void collectGarbage() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(hub.pid()), "GC.run").redirectErrorStream(true).start();
        assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).as("jcmd GC.run").isTrue();
        assertThat(jcmd.exitValue()).as(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    private static Map<String, Double> scrape(Ports ports, Path data) throws Exception {
        HttpResponse<String> response = new WebClient("http://127.0.0.1:" + ports.http()).sendWithHeader("GET",
                "/metrics", "Authorization", "Bearer " + LocalAdminToken.read(data).orElseThrow());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().filter(line -> !line.startsWith("#")).map(line -> line.split(" "))
                .collect(Collectors.toMap(p -> p[0], p -> Double.parseDouble(p[1])));
    }
}
