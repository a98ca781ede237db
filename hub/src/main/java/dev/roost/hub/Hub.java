package dev.roost.hub;

import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.memory.NativeHeapTrimmer;
import dev.roost.hub.storage.Database;
import dev.roost.hub.users.InitialAdmin;
import dev.roost.hub.users.PasswordHash;
import dev.roost.hub.users.UserStore;
import dev.roost.hub.users.WebAccounts;
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
import java.util.List;

/**
 * The composition root: opens the database, builds the broker and the web server from the configuration, wires
 * them through the interfaces the modules own, and stops them in order. The only class that knows every module.
 */
public final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    private static final long TRIM_FIRST_SECONDS = 5;
    private static final long TRIM_INTERVAL_SECONDS = 30;

    /** Module schemas, migrated in this order at start. */
    private static final List<String> SCHEMAS = List.of("hub");

    private final Database database;
    private final MqttBroker broker;
    private final WebServer web;
    private final Ports ports;
    private final NativeHeapTrimmer trimmer = new NativeHeapTrimmer();

    private Hub(Database database, MqttBroker broker, WebServer web, Ports ports) {
        this.database = database;
        this.broker = broker;
        this.web = web;
        this.ports = ports;
        trimmer.start(TRIM_FIRST_SECONDS, TRIM_INTERVAL_SECONDS);
    }

    /**
     * Starts everything and writes {@code ports.json} last, when the hub is ready.
     *
     * @param mqttPort overrides the config when not null; likewise wsPort and httpPort
     * @param adminPassword the first start's password for user admin; null generates one
     * @throws dev.roost.hub.storage.StorageException when the database cannot be opened
     */
    public static Hub start(HubConfig config, Path dataDir, Integer mqttPort, Integer wsPort, Integer httpPort,
                            String adminPassword) throws IOException {
        Files.createDirectories(dataDir);
        Instant started = Instant.now();
        Database database = Database.open(dataDir, SCHEMAS);
        MqttBroker broker = null;
        WebServer web = null;
        try {
            UserStore users = new UserStore(database.dataSource(), new PasswordHash());
            InitialAdmin.ensure(users, dataDir, adminPassword);
            broker = new MqttBroker(config.mqtt().broker());
            String mqttHost = config.mqtt().host();
            InetSocketAddress mqtt = broker.start(mqttHost, mqttPort != null ? mqttPort : config.mqtt().port());
            InetSocketAddress ws = broker.startWebSocket(mqttHost,
                    wsPort != null ? wsPort : config.mqtt().websocketPort());
            web = new WebServer(new BrokerStatus(broker, started), new WebAccounts(users, dataDir),
                    Clock.systemUTC());
            int http = web.start(config.http().host(), httpPort != null ? httpPort : config.http().port());
            Ports ports = new Ports(mqtt.getPort(), ws.getPort(), http);
            ports.writeTo(dataDir);
            log.atInfo().addKeyValue("mqtt", ports.mqtt()).addKeyValue("ws", ports.ws())
                    .addKeyValue("http", ports.http()).addKeyValue("data", dataDir.toAbsolutePath())
                    .log("Roost is ready");
            return new Hub(database, broker, web, ports);
        } catch (RuntimeException | IOException e) {
            if (web != null) {
                web.stop();
            }
            if (broker != null) {
                broker.stop(Duration.ofSeconds(2));
            }
            database.close();
            throw e;
        }
    }

    public Ports ports() {
        return ports;
    }

    public MqttBroker broker() {
        return broker;
    }

    public WebServer web() {
        return web;
    }

    /** Stops the web server, then the broker within the given time, then closes the database. */
    public void stop(Duration grace) {
        trimmer.close();
        web.stop();
        broker.stop(grace);
        database.close();
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
