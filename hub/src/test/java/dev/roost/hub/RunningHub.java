package dev.roost.hub;

import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.config.HubConfig;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.nio.file.Path;

/** The whole hub in this JVM on free loopback ports and a test's temp folder, as a test fixture. */
public final class RunningHub implements AutoCloseable {

    private final Hub hub;
    private final HubConfig config;
    private final Path dataDir;

    private RunningHub(Hub hub, HubConfig config, Path dataDir) {
        this.hub = hub;
        this.config = config;
        this.dataDir = dataDir;
    }

    /** @param adminPassword the first start's admin password; null lets the hub generate one */
    public static RunningHub start(Path dataDir, String adminPassword) throws IOException {
        return start(HubConfig.defaults(), dataDir, adminPassword);
    }

    public static RunningHub start(HubConfig config, Path dataDir, String adminPassword) throws IOException {
        return new RunningHub(Hub.start(config, dataDir, PortOverrides.anyFree(), false, adminPassword), config,
                dataDir);
    }

    /** Stops this hub and starts a new one on the same data folder, at once on the same ports. */
    public RunningHub restart() throws IOException {
        Ports ports = hub.ports();
        hub.close();
        PortOverrides same = new PortOverrides(ports.mqtt(), ports.ws(), ports.http(), ports.mqtts(), ports.wss());
        return new RunningHub(Hub.start(config, dataDir, same, false, null), config, dataDir);
    }

    /** A connected clean-session Paho client; the caller closes it. */
    public MqttClient client(String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + hub.ports().mqtt(), clientId, new MemoryPersistence());
        client.connect(BrokerFixture.options(true));
        return client;
    }

    public Hub hub() {
        return hub;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String httpBase() {
        return "http://127.0.0.1:" + hub.ports().http();
    }

    @Override
    public void close() {
        hub.close();
    }
}
