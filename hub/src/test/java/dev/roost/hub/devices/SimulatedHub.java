package dev.roost.hub.devices;

import dev.roost.hub.Hub;
import dev.roost.hub.PortOverrides;
import dev.roost.hub.broker.Received;
import dev.roost.hub.config.ConfigLoader;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.broker.BrokerFixture;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole hub in-process with {@code --simulate} (demo devices on Pi4J's mock platform), on loopback and free
 * ports, with real Paho clients; closes everything it started.
 */
final class SimulatedHub implements AutoCloseable {

    static final String ADMIN_PASSWORD = "simulated admin password";

    private final Hub hub;
    private final List<MqttClient> clients = new ArrayList<>();
    private boolean stopped;

    SimulatedHub(Path temp) throws Exception {
        Path config = Files.writeString(temp.resolve("roost.yaml"), """
                mqtt:
                  host: 127.0.0.1
                http:
                  host: 127.0.0.1
                """);
        HubConfig loaded = new ConfigLoader().load(config);
        hub = Hub.start(loaded, temp.resolve("data"), PortOverrides.anyFree(), true, ADMIN_PASSWORD);
    }

    Hub hub() {
        return hub;
    }

    /** A connected clean-session client. */
    MqttClient connect(String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + hub.ports().mqtt(), clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        client.connect(options);
        return client;
    }

    /** A client subscribed to {@code filter} at QoS 1, its messages collected. */
    Received subscribe(String clientId, String filter) throws MqttException {
        Received received = new Received();
        connect(clientId).subscribe(filter, 1, received); // the synchronous client returns once SUBACK arrived
        return received;
    }

    void publish(String topic, String payload) throws MqttException {
        MqttClient client = clients.isEmpty() ? connect("publisher") : clients.get(0);
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Stops the hub now (devices to safe state, then the broker). */
    void stop() {
        if (!stopped) {
            stopped = true;
            hub.stop(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        for (MqttClient client : clients) {
            try {
                BrokerFixture.discard(client);
            } catch (MqttException ignored) {
                // the client goes away with the hub anyway
            }
        }
        stop();
    }
}
