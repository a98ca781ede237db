package dev.roost.hub;

import dev.roost.hub.broker.BrokerFixture;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.roost.hub.storage.Database;
import dev.roost.hub.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub as the operating system sees it: a child JVM (-Xmx64m) started like the appliance starts it, with
 * its exit codes, its messages on stderr, ports.json, and a clean stop on SIGTERM.
 */
@Timeout(90)
class ProcessTest {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Process hub;
    private MqttClient client;

    @AfterEach
    void cleanUp() throws Exception {
        try {
            BrokerFixture.discard(client);
        } finally {
            ChildHub.kill(hub);
        }
    }

    @Test
    void helpPrintsEveryFlagAndExits0() throws Exception {
        Result result = runToExit("--help");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("--config", "--data", "--mqtt-port", "--ws-port", "--http-port",
                "--tls-port", "--wss-port", "--simulate");
    }

    @Test
    void unknownFlagExits2WithOneLineNamingIt() throws Exception {
        Result result = runToExit("--frobnicate");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr().lines()).as(result.describe()).hasSize(1);
        assertThat(result.stderr()).contains("--frobnicate");
    }

    @Test
    void nonNumericPortExits2WithOneLineReason() throws Exception {
        Result result = runToExit("--mqtt-port", "abc");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr().lines()).as(result.describe()).hasSize(1);
        assertThat(result.stderr()).contains("--mqtt-port", "abc");
    }

    @Test
    void unknownConfigKeyExits2NamingFileLineAndKey() throws Exception {
        Path config = temp.resolve("roost.yaml");
        Files.writeString(config, """
                mqtt:
                  port: 1883
                  maxPaketSize: 4096
                """);

        Result result = runToExit("--config", config.toString(), "--data", temp.resolve("data").toString());

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr().lines()).as(result.describe()).hasSize(1);
        assertThat(result.stderr()).contains(config + ":3:", "maxPaketSize");
    }

    @Test
    void startsWritesPortsServesMqttAndStopsCleanlyOnSigterm() throws Exception {
        Path data = temp.resolve("data");
        hub = start("--config", loopbackConfig().toString(), "--data", data.toString(),
                "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0", "--tls-port", "0", "--wss-port", "0");
        Ports ports = awaitPorts(data);
        assertThat(ports.mqtt()).isPositive();
        assertThat(ports.ws()).isPositive();
        assertThat(ports.http()).isPositive();

        CountDownLatch connectionLost = new CountDownLatch(1);
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        client = new MqttClient("tcp://127.0.0.1:" + ports.mqtt(), "process-test", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                connectionLost.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publish() waits for its own acknowledgement
            }
        });
        client.setTimeToWait(5000);
        client.connect(options());
        client.subscribe("process/test", 1);
        client.publish("process/test", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");

        hub.destroy(); // SIGTERM

        assertThat(hub.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .as("the hub exited within " + STOP_TIMEOUT).isTrue();
        assertThat(hub.exitValue()).as(describe(hub)).isZero();
        assertThat(connectionLost.await(5, TimeUnit.SECONDS)).as("the client saw its connection closed").isTrue();
    }

    // ---- helpers ----

    private record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + ", stdout [" + stdout + "], stderr [" + stderr + "]";
        }
    }

    @Test
    void aClientsFirstMessageDoesNotStartFlightRecorderInTheHub() throws Exception {
        Path data = temp.resolve("data");
        Path classes = temp.resolve("classes.log");
        hub = ChildHub.start(temp, List.of("-Xlog:class+load=info:file=" + classes),
                "--config", loopbackConfig().toString(), "--data", data.toString(),
                "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0", "--tls-port", "0", "--wss-port", "0");
        Ports ports = awaitPorts(data);
        client = new MqttClient("tcp://127.0.0.1:" + ports.mqtt(), "process-test", new MemoryPersistence());
        client.setTimeToWait(5000);
        client.connect(options());
        client.publish("process/first", "hello".getBytes(StandardCharsets.UTF_8), 1, false); // waits for PUBACK
        hub.destroy();
        assertThat(hub.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as(describe(hub)).isTrue();

        String loaded = read(classes);
        assertThat(loaded).as("the broker made its first chunk of buffer memory")
                .contains("io.netty.buffer.AdaptivePoolingAllocator$Chunk ");
        assertThat(loaded).as("Netty's Flight Recorder events were registered")
                .doesNotContain("jdk.jfr.internal.MetadataRepository ");
    }

    @Test
    void aSecondProcessOnTheSameDataFolderIsToldTheDatabaseIsInUse() throws Exception {
        Path data = temp.resolve("data");
        hub = start("--config", loopbackConfig().toString(), "--data", data.toString(),
                "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0", "--tls-port", "0", "--wss-port", "0");
        awaitPorts(data);

        assertThatThrownBy(() -> Database.open(data, List.of("hub")))
                .isInstanceOf(StorageException.class)
                .hasMessage(data.toAbsolutePath().resolve("roost.mv.db")
                        + ": in use by another process (is Roost already running?)");
    }

    private Result runToExit(String... args) throws IOException, InterruptedException {
        hub = start(args);
        if (!hub.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the hub did not exit within " + EXIT_TIMEOUT + "; " + describe(hub));
        }
        return new Result(hub.exitValue(), read(stdout()), read(stderr()));
    }

    private Process start(String... args) throws IOException {
        return ChildHub.start(temp, args);
    }

    /** Every listener on loopback only. */
    private Path loopbackConfig() throws IOException {
        Path config = temp.resolve("loopback.yaml");
        Files.writeString(config, """
                mqtt:
                  host: 127.0.0.1
                http:
                  host: 127.0.0.1
                """);
        return config;
    }

    private Ports awaitPorts(Path data) throws Exception {
        Path file = data.resolve(Ports.FILE_NAME);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (!hub.isAlive()) {
                throw new AssertionError("the hub exited before it was ready; " + describe(hub));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " within " + READY_TIMEOUT + "; " + describe(hub));
            }
            Thread.sleep(50);
        }
        return Ports.readFrom(data);
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        return options;
    }

    private String describe(Process process) throws IOException {
        return ChildHub.describe(process, temp);
    }

    private Path stdout() {
        return ChildHub.stdout(temp);
    }

    private Path stderr() {
        return ChildHub.stderr(temp);
    }

    private static String read(Path file) throws IOException {
        return ChildHub.read(file);
    }
}
