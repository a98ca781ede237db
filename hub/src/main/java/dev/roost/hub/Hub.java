package dev.roost.hub;

import dev.roost.devices.DeviceLayer;
import dev.roost.devices.platform.PiDetector;
import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.broker.local.LocalClient;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.devices.LayerDirectory;
import dev.roost.hub.devices.LocalDeviceBus;
import dev.roost.hub.memory.NativeHeapTrimmer;
import dev.roost.web.HubStatus;
import dev.roost.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The composition root: builds the broker, the device layer and the web server from the configuration, wires
 * them through the interfaces the modules own, and stops them in order. The only class that knows every module.
 */
public final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    private static final long TRIM_FIRST_SECONDS = 5;
    private static final long TRIM_INTERVAL_SECONDS = 30;

    private static final String DEVICES_CLIENT_ID = "roost-devices";
    private static final Duration DEVICE_FLUSH = Duration.ofSeconds(1);

    private final MqttBroker broker;
    private final LocalClient deviceClient;
    private final LocalDeviceBus deviceBus;
    private final DeviceLayer devices;
    private final WebServer web;
    private final Ports ports;
    private final NativeHeapTrimmer trimmer = new NativeHeapTrimmer();

    private Hub(MqttBroker broker, LocalClient deviceClient, LocalDeviceBus deviceBus, DeviceLayer devices,
                WebServer web, Ports ports) {
        this.broker = broker;
        this.deviceClient = deviceClient;
        this.deviceBus = deviceBus;
        this.devices = devices;
        this.web = web;
        this.ports = ports;
        trimmer.start(TRIM_FIRST_SECONDS, TRIM_INTERVAL_SECONDS);
    }

    /**
     * Starts everything and writes {@code ports.json} last, when the hub is ready.
     *
     * @param mqttPort overrides the config when not null; likewise wsPort and httpPort
     */
    public static Hub start(HubConfig config, Path dataDir, Integer mqttPort, Integer wsPort, Integer httpPort)
            throws IOException {
        return start(config, dataDir, mqttPort, wsPort, httpPort, false);
    }

    /**
     * Starts everything as {@link #start(HubConfig, Path, Integer, Integer, Integer)} does.
     *
     * @param simulate run the devices on Pi4J's mock platform even on a Raspberry Pi ({@code --simulate})
     */
    public static Hub start(HubConfig config, Path dataDir, Integer mqttPort, Integer wsPort, Integer httpPort,
                            boolean simulate) throws IOException {
        Files.createDirectories(dataDir);
        Instant started = Instant.now();
        MqttBroker broker = new MqttBroker(config.mqtt().broker());
        LocalClient deviceClient = null;
        LocalDeviceBus deviceBus = null;
        DeviceLayer devices = null;
        WebServer web = null;
        try {
            String mqttHost = config.mqtt().host();
            InetSocketAddress mqtt = broker.start(mqttHost, mqttPort != null ? mqttPort : config.mqtt().port());
            InetSocketAddress ws = broker.startWebSocket(mqttHost,
                    wsPort != null ? wsPort : config.mqtt().websocketPort());
            deviceClient = broker.localClient(DEVICES_CLIENT_ID);
            deviceBus = new LocalDeviceBus(deviceClient);
            devices = startDevices(config, simulate, deviceBus);
            web = new WebServer(new BrokerStatus(broker, started), new LayerDirectory(devices));
            int http = web.start(config.http().host(), httpPort != null ? httpPort : config.http().port());
            Ports ports = new Ports(mqtt.getPort(), ws.getPort(), http);
            ports.writeTo(dataDir);
            log.atInfo().addKeyValue("mqtt", ports.mqtt()).addKeyValue("ws", ports.ws())
                    .addKeyValue("http", ports.http()).addKeyValue("data", dataDir.toAbsolutePath())
                    .log("Roost is ready");
            return new Hub(broker, deviceClient, deviceBus, devices, web, ports);
        } catch (RuntimeException | IOException e) {
            if (web != null) {
                web.stop();
            }
            if (devices != null) {
                devices.close();
            }
            if (deviceClient != null) {
                deviceClient.close();
            }
            broker.stop(Duration.ofSeconds(2));
            throw e;
        }
    }

    private static DeviceLayer startDevices(HubConfig config, boolean simulate, LocalDeviceBus bus) {
        try {
            return DeviceLayer.start(config.devices().toLayerSettings(simulate), bus,
                    new PiDetector(), Clock.systemDefaultZone());
        } catch (DeviceLayer.InvalidDevicesException e) {
            // The config loader reports these with file and line; reaching here means a config built in code.
            throw new IllegalArgumentException("invalid devices: " + e.getMessage(), e);
        }
    }

    public Ports ports() {
        return ports;
    }

    public MqttBroker broker() {
        return broker;
    }

    /** The running devices: their state, the simulator's inputs. */
    public DeviceLayer devices() {
        return devices;
    }

    /**
     * Stops the web server, then the devices (outputs to their safe state, announced offline while the broker
     * still runs), then the broker, within the given time.
     */
    public void stop(Duration grace) {
        trimmer.close();
        web.stop();
        devices.close();
        if (!deviceBus.awaitPublished(DEVICE_FLUSH)) {
            log.warn("device shutdown messages were not all routed within {}", DEVICE_FLUSH);
        }
        deviceClient.close();
        broker.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** What the web UI shows of the broker. */
    private record BrokerStatus(MqttBroker broker, Instant started) implements HubStatus {
        @Override
        public String version() {
            return Version.current();
        }

        @Override
        public Duration uptime() {
            return Duration.between(started, Instant.now());
        }

        @Override
        public int connectedClients() {
            return broker.stats().connectedClients.get();
        }
    }
}
