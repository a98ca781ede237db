package dev.roost.hub;

import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.memory.NativeHeapTrimmer;
import dev.roost.web.HubStatus;
import dev.roost.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The composition root: builds the broker and the web server from the configuration, wires them through the
 * interfaces the modules own, and stops them in order. The only class that knows every module.
 */
public final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    private static final long TRIM_FIRST_SECONDS = 5;
    private static final long TRIM_INTERVAL_SECONDS = 30;

    private final MqttBroker broker;
    private final WebServer web;
    private final Ports ports;
    private final NativeHeapTrimmer trimmer = new NativeHeapTrimmer();

    private Hub(MqttBroker broker, WebServer web, Ports ports) {
        this.broker = broker;
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
        Files.createDirectories(dataDir);
        Instant started = Instant.now();
        MqttBroker broker = new MqttBroker(config.mqtt().broker());
        WebServer web = null;
        try {
            String mqttHost = config.mqtt().host();
            InetSocketAddress mqtt = broker.start(mqttHost, mqttPort != null ? mqttPort : config.mqtt().port());
            InetSocketAddress ws = broker.startWebSocket(mqttHost,
                    wsPort != null ? wsPort : config.mqtt().websocketPort());
            web = new WebServer(new BrokerStatus(broker, started));
            int http = web.start(config.http().host(), httpPort != null ? httpPort : config.http().port());
            Ports ports = new Ports(mqtt.getPort(), ws.getPort(), http);
            ports.writeTo(dataDir);
            log.atInfo().addKeyValue("mqtt", ports.mqtt()).addKeyValue("ws", ports.ws())
                    .addKeyValue("http", ports.http()).addKeyValue("data", dataDir.toAbsolutePath())
                    .log("Roost is ready");
            return new Hub(broker, web, ports);
        } catch (RuntimeException | IOException e) {
            if (web != null) {
                web.stop();
            }
            broker.stop(Duration.ofSeconds(2));
            throw e;
        }
    }

    public Ports ports() {
        return ports;
    }

    public MqttBroker broker() {
        return broker;
    }

    /** Stops the web server, then the broker, within the given time. */
    public void stop(Duration grace) {
        trimmer.close();
        web.stop();
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
