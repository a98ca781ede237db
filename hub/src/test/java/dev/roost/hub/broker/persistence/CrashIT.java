package dev.roost.hub.broker.persistence;

import dev.roost.hub.ChildHub;
import dev.roost.hub.Ports;
import dev.roost.hub.broker.BrokerFixture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut, as near as a test gets: the real jar is killed with SIGKILL while a publisher streams QoS 1 (or 2)
 * messages to an offline persistent subscriber. After a restart on the same ports the subscriber gets every
 * message whose PUBACK (PUBCOMP) the publisher saw, in order, QoS 2 ones once, and the retained message and the
 * subscription are still there.
 */
@Timeout(180)
class CrashIT {

    private static final int MESSAGES = 10_000;
    private static final int KILL_AFTER_ACKS = 4_000;
    private static final long READY_MILLIS = 30_000;

    @TempDir
    Path temp;

    private Process hub;
    private final List<MqttClient> clients = new ArrayList<>();
    private MqttAsyncClient publisher;

    @AfterEach
    void cleanUp() throws Exception {
        for (MqttClient client : clients) {
            try {
                client.disconnectForcibly(100, 100);
            } catch (Exception ignored) {
                // already gone with the hub
            }
            client.close(true);
        }
        if (publisher != null) {
            publisher.close(true);
        }
        ChildHub.kill(hub);
    }

    @Test
    void everyAcknowledgedMessageSurvivesSigkillInOrder() throws Exception {
        runCrash(1);
    }

    @Test
    void qos2MessagesSurviveSigkillExactlyOnce() throws Exception {
        List<Integer> received = runCrash(2);

        assertThat(received).as("no QoS 2 message twice").doesNotHaveDuplicates();
    }

    /** Publishes at {@code qos}, kills, restarts, checks every acknowledged message came back in order. */
    private List<Integer> runCrash(int qos) throws Exception {
        Path data = temp.resolve("data");
        hub = startJar(data, 0, 0, 0);
        Ports ports = awaitPorts(data);
        String uri = "tcp://127.0.0.1:" + ports.mqtt();

        MqttClient subscriber = client(uri, "crash-sub");
        subscriber.connect(BrokerFixture.options(false));
        subscriber.subscribe("crash/seq", qos);
        subscriber.disconnect();
        MqttClient retainer = client(uri, "crash-retainer");
        retainer.connect(BrokerFixture.options(true));
        retainer.publish("crash/retained", "kept".getBytes(StandardCharsets.UTF_8), 1, true);

        Set<Integer> acknowledged = publishUntilKilled(uri, qos);
        assertThat(acknowledged.size()).as("acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        assertThat(acknowledged.size()).as("the kill came in the middle").isLessThan(MESSAGES);

        Files.delete(data.resolve(Ports.FILE_NAME));
        hub = startJar(data, ports.mqtt(), ports.ws(), ports.http());
        assertThat(awaitPorts(data)).as("the same ports, bound at once").isEqualTo(ports);

        List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        MqttClient back = client(uri, "crash-sub");
        back.setCallback(collecting(received));
        back.connect(BrokerFixture.options(false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!copy(received).containsAll(acknowledged) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(copy(received)).as("every acknowledged message arrived").containsAll(acknowledged);
        assertThat(firstOccurrences(received)).as("in the order they were published").isSorted();
        MqttClient late = client(uri, "crash-late");
        List<Integer> ignored = new ArrayList<>();
        List<String> retained = Collections.synchronizedList(new ArrayList<>());
        late.setCallback(new Collector(ignored, retained));
        late.connect(BrokerFixture.options(true));
        late.subscribe("crash/retained", 1);
        long retainedDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (retained.isEmpty() && System.nanoTime() < retainedDeadline) {
            Thread.sleep(50);
        }
        assertThat(retained).containsExactly("kept");
        return copy(received);
    }

    /** A copy of a list another thread appends to; iterating a synchronized list needs its lock. */
    private static List<Integer> copy(List<Integer> received) {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * Streams numbered messages, 200 in flight, and kills the hub once enough are acknowledged (PUBACK, or
     * PUBCOMP for QoS 2).
     */
    private Set<Integer> publishUntilKilled(String uri, int qos) throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Semaphore window = new Semaphore(200);
        publisher = new MqttAsyncClient(uri, "crash-pub", new MemoryPersistence());
        publisher.connect(BrokerFixture.options(true)).waitForCompletion(5000); // 1,000 in flight
        for (int i = 0; i < MESSAGES && hub.isAlive(); i++) {
            if (acknowledged.size() >= KILL_AFTER_ACKS) {
                hub.destroyForcibly(); // SIGKILL
                break;
            }
            if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new AssertionError("no acknowledgement for 5 s before the kill");
            }
            int number = i;
            publisher.publish("crash/seq", Integer.toString(number).getBytes(StandardCharsets.UTF_8), qos, false, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            acknowledged.add(number);
                            window.release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            window.release();
                        }
                    });
        }
        assertThat(hub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publisher.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20); // acknowledgements already on their way in still count
        }
        return Set.copyOf(acknowledged);
    }

    private static List<Integer> firstOccurrences(List<Integer> received) {
        List<Integer> first = new ArrayList<>();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        synchronized (received) {
            for (Integer number : received) {
                if (seen.add(number)) {
                    first.add(number);
                }
            }
        }
        return first;
    }

    private Process startJar(Path data, int mqtt, int ws, int http) throws IOException {
        Path config = temp.resolve("crash.yaml");
        Files.writeString(config, """
                mqtt:
                  host: 127.0.0.1
                  maxQueuedMessages: 20000
                http:
                  host: 127.0.0.1
                """);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", System.getProperty("roost.jar", "target/roost.jar"),
                "--config", config.toString(), "--data", data.toString(), "--mqtt-port", Integer.toString(mqtt),
                "--ws-port", Integer.toString(ws), "--http-port", Integer.toString(http), "--tls-port", "0",
                "--wss-port", "0");
        return new ProcessBuilder(command).directory(temp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ChildHub.stdout(temp).toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(ChildHub.stderr(temp).toFile()))
                .start();
    }

    private Ports awaitPorts(Path data) throws Exception {
        Path file = data.resolve(Ports.FILE_NAME);
        long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (!Files.exists(file)) {
            if (!hub.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("the hub is not ready; " + ChildHub.describe(hub, temp));
            }
            Thread.sleep(50);
        }
        Ports ports = Ports.readFrom(data);
        return new Ports(ports.mqtt(), ports.ws(), ports.http(), null, null); // the TLS ports are picked afresh
    }

    private MqttClient client(String uri, String clientId) throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setTimeToWait(10_000);
        clients.add(client);
        return client;
    }

    private static MqttCallback collecting(List<Integer> numbers) {
        return new Collector(numbers, new ArrayList<>());
    }

    /** Numbers from crash/seq, texts from crash/retained. */
    private record Collector(List<Integer> numbers, List<String> retained) implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            // the test looks at what arrived
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String text = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (topic.equals("crash/seq")) {
                numbers.add(Integer.parseInt(text));
            } else {
                retained.add(text);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publishers wait on their own tokens
        }
    }
}
