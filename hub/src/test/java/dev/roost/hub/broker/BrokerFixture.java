package dev.roost.hub.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real broker on a free loopback port, and real Paho clients connected to it; closes all of them. */
public final class BrokerFixture implements AutoCloseable {

    private final MqttBroker broker;
    private final InetSocketAddress address;
    private final List<MqttClient> clients = new ArrayList<>();

    public BrokerFixture() {
        this(BrokerConfig.defaults());
    }

    public BrokerFixture(BrokerConfig config) {
        broker = new MqttBroker(config);
        address = broker.start("127.0.0.1", 0);
    }

    /** A string's UTF-8 bytes, the payload form Paho wants. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public MqttBroker broker() {
        return broker;
    }

    public int port() {
        return address.getPort();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /** A client that is not connected yet, closed with the fixture. */
    public MqttClient client(String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri(), clientId, new MemoryPersistence());
        clients.add(client);
        return client;
    }

    /** A connected client with a clean session. */
    public MqttClient connect(String clientId) throws MqttException {
        return connect(clientId, true);
    }

    public MqttClient connect(String clientId, boolean cleanSession) throws MqttException {
        MqttClient client = client(clientId);
        client.connect(options(cleanSession));
        return client;
    }

    public static MqttConnectOptions options(boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        return options;
    }

    /** Drops a test's client without waiting for the broker: disconnects it if connected, then closes it. */
    public static void discard(MqttClient client) throws MqttException {
        if (client == null) {
            return;
        }
        if (client.isConnected()) {
            client.disconnectForcibly(100, 100);
        }
        client.close(true);
    }

    @Override
    public void close() {
        for (MqttClient client : clients) {
            try {
                discard(client);
            } catch (MqttException ignored) {
                // the client is going away with the broker anyway
            }
        }
        broker.close();
    }
}
