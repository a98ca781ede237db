package dev.roost.hub;

import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.broker.auth.FailureThrottle;
import dev.roost.hub.broker.auth.UserAuthenticator;
import dev.roost.hub.broker.retain.InMemoryRetainedStore;
import dev.roost.hub.broker.session.InMemorySessionStore;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.memory.NativeHeapTrimmer;
import dev.roost.hub.storage.Database;
import dev.roost.hub.users.InitialAdmin;
import dev.roost.hub.users.LocalAdminToken;
import dev.roost.hub.users.PasswordHash;
import dev.roost.hub.users.UserStore;
import dev.roost.hub.users.WebAccounts;
import dev.roost.web.HubStatus;
import dev.roost.web.WebServer;
import dev.roost.web.auth.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
    private static final int PASSWORD_CHECK_QUEUE = 64;

    private final Database database;
    private final ExecutorService authThread;
    private final LocalAdminToken cliToken;
    private final MqttBroker broker;
    private final WebServer web;
    private final Ports ports;
    private final NativeHeapTrimmer trimmer = new NativeHeapTrimmer();

    private Hub(Database database, MqttBroker broker, WebServer web, Ports ports, ExecutorService authThread,
                LocalAdminToken cliToken) {
        this.database = database;
        this.cliToken = cliToken;
        this.authThread = authThread;
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
        ExecutorService authThread = null;
        LocalAdminToken cliToken = null;
        try {
            UserStore users = new UserStore(database.dataSource(), new PasswordHash());
            InitialAdmin.ensure(users, dataDir, adminPassword);
            authThread = passwordCheckThread();
            broker = new MqttBroker(config.mqtt().broker(), new InMemorySessionStore(), new InMemoryRetainedStore(),
                    new UserAuthenticator(config.mqtt().broker().anonymousAccess(),
                            (name, password) -> users.verify(name, new String(password, StandardCharsets.UTF_8))
                                    .isPresent(),
                            new ConnectThrottle(new LoginThrottle(Clock.systemUTC())), authThread));
            String mqttHost = config.mqtt().host();
            InetSocketAddress mqtt = broker.start(mqttHost, mqttPort != null ? mqttPort : config.mqtt().port());
            InetSocketAddress ws = broker.startWebSocket(mqttHost,
                    wsPort != null ? wsPort : config.mqtt().websocketPort());
            WebAccounts accounts = new WebAccounts(users, dataDir);
            cliToken = LocalAdminToken.create(dataDir);
            web = new WebServer(new BrokerStatus(broker, started), accounts, cliToken, accounts, Clock.systemUTC());
            int http = web.start(config.http().host(), httpPort != null ? httpPort : config.http().port());
            Ports ports = new Ports(mqtt.getPort(), ws.getPort(), http);
            ports.writeTo(dataDir);
            log.atInfo().addKeyValue("mqtt", ports.mqtt()).addKeyValue("ws", ports.ws())
                    .addKeyValue("http", ports.http()).addKeyValue("data", dataDir.toAbsolutePath())
                    .log("Roost is ready");
            return new Hub(database, broker, web, ports, authThread, cliToken);
        } catch (RuntimeException | IOException e) {
            if (web != null) {
                web.stop();
            }
            if (broker != null) {
                broker.stop(Duration.ofSeconds(2));
            }
            if (authThread != null) {
                authThread.shutdownNow();
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
        try {
            cliToken.delete();
        } catch (IOException e) {
            log.atWarn().setCause(e).log("could not remove the command-line token");
        }
        web.stop();
        broker.stop(grace);
        authThread.shutdownNow();
        database.close();
    }

    /**
     * One thread checks MQTT passwords (key stretching takes a core for ~0.1 s), off the broker loop. A short
     * queue sheds a flood of CONNECTs with "server unavailable" instead of holding them all.
     */
    private static ExecutorService passwordCheckThread() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(PASSWORD_CHECK_QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "roost-password-check");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The web UI's per-address throttle, also applied to failed MQTT logins. */
    private record ConnectThrottle(LoginThrottle throttle) implements FailureThrottle {
        @Override
        public Duration waitFor(String source) {
            return throttle.waitFor(source);
        }

        @Override
        public void failed(String source) {
            throttle.failed(source);
        }

        @Override
        public void succeeded(String source) {
            throttle.succeeded(source);
        }
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
