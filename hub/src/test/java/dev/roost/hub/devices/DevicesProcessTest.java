package dev.roost.hub.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roost.hub.ChildHub;
import dev.roost.hub.Ports;
import dev.roost.hub.broker.Received;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.roost.hub.broker.BrokerFixture;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The devices as the appliance runs them: a child JVM started with {@code --simulate}, stopped by SIGTERM. */
@Timeout(90)
class DevicesProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration READY = Duration.ofSeconds(30);

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
    void sigtermLocksTheUnlockedLockAndAnnouncesItOfflineBeforeTheBrokerCloses() throws Exception {
        Path data = temp.resolve("data");
        hub = start("--simulate", "--config", config("""
                mqtt:
                  host: 127.0.0.1
                http:
                  host: 127.0.0.1
                """).toString(), "--data", data.toString(), "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0", "--tls-port", "0", "--wss-port", "0");
        await().atMost(READY).until(() -> Files.exists(data.resolve(Ports.FILE_NAME)) || !hub.isAlive());
        assertThat(hub.isAlive()).as(output()).isTrue();
        client = new MqttClient("tcp://127.0.0.1:" + Ports.readFrom(data).mqtt(), "lock-watcher",
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        client.connect(options);
        Received lock = new Received();
        client.subscribe(new String[] {"home/smart-lock", "home/smart-lock/availability"}, new int[] {1, 1},
                new Received[] {lock, lock});
        assertThat(lock.take(2, WAIT)).extracting(Received.Msg::payload)
                .containsExactlyInAnyOrder("{\"state\":\"LOCKED\"}", "online");

        client.publish("home/smart-lock/set", "{\"state\":\"UNLOCK\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(lock.next(WAIT).payload()).isEqualTo("{\"state\":\"UNLOCKED\"}");
        hub.destroy(); // SIGTERM

        // Stopping the web server and the rules first can take seconds on a loaded machine.
        List<Received.Msg> last = lock.take(2, WAIT.multipliedBy(3));
        assertThat(last).extracting(Received.Msg::topic, Received.Msg::payload).containsExactly(
                org.assertj.core.groups.Tuple.tuple("home/smart-lock", "{\"state\":\"LOCKED\"}"),
                org.assertj.core.groups.Tuple.tuple("home/smart-lock/availability", "offline"));
        assertThat(hub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hub.exitValue()).as(output()).isZero();
    }

    @Test
    void pinUsedTwiceStopsTheStartWithExit2NamingFileAndLine() throws Exception {
        Path config = config("""
                devices:
                  list:
                    - id: button
                      type: digital-in
                      pin: 22
                    - id: relay
                      type: digital-out
                      pin: 22
                """);

        hub = start("--config", config.toString(), "--data", temp.resolve("data").toString());

        assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(hub.exitValue()).as(output()).isEqualTo(2);
        assertThat(read("hub.err")).isEqualTo("roost: config error: " + config
                + ":8:7: devices.list[1].pin: GPIO 22 is already used by 'button'\n");
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(temp.resolve("roost.yaml"), yaml);
    }

    private Process start(String... args) throws IOException {
        return ChildHub.start(temp, args);
    }

    private String output() throws IOException {
        return ChildHub.describe(hub, temp);
    }

    private String read(String name) throws IOException {
        return ChildHub.read(temp.resolve(name));
    }
}
