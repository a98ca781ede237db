package dev.roost.hub;

import dev.roost.devices.DeviceLayer;
import dev.roost.devices.platform.PiDetector;
import dev.roost.hub.acl.AclPermissions;
import dev.roost.hub.acl.AclStore;
import dev.roost.hub.acl.WebTopicAccess;
import dev.roost.hub.broker.BrokerStorage;
import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.broker.local.LocalClient;
import dev.roost.hub.broker.persistence.H2Journal;
import dev.roost.hub.broker.persistence.StoredState;
import dev.roost.hub.broker.retain.DurableRetainedStore;
import dev.roost.hub.broker.retain.InMemoryRetainedStore;
import dev.roost.hub.broker.session.InMemorySessionStore;
import dev.roost.hub.broker.transport.ServerTls;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.config.TlsSettings;
import dev.roost.hub.devices.LayerDirectory;
import dev.roost.hub.devices.LocalDeviceBus;
import dev.roost.hub.history.History;
import dev.roost.hub.memory.NativeHeapTrimmer;
import dev.roost.hub.metrics.HubMetrics;
import dev.roost.hub.rules.LocalRuleBus;
import dev.roost.hub.rules.RuleBookAdapter;
import dev.roost.hub.rules.RuleRuntime;
import dev.roost.hub.settings.LocationSetting;
import dev.roost.hub.settings.LocationStore;
import dev.roost.hub.storage.Database;
import dev.roost.hub.tls.TlsCertificate;
import dev.roost.hub.users.InitialAdmin;
import dev.roost.hub.users.JwtVerifier;
import dev.roost.hub.users.LocalAdminToken;
import dev.roost.hub.users.MqttLogins;
import dev.roost.hub.users.PasswordHash;
import dev.roost.hub.users.TokenStore;
import dev.roost.hub.users.UserStore;
import dev.roost.hub.users.WebAccounts;
import dev.roost.hub.web.BrokerLiveFeed;
import dev.roost.hub.web.MqttBrokerView;
import dev.roost.rules.trigger.TriggerSettings;
import dev.roost.web.HubStatus;
import dev.roost.web.WebServer;
import dev.roost.web.WebServices;
import dev.roost.web.auth.Account;
import dev.roost.web.settings.LocationView;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The composition root: opens the database, builds the broker, the device layer and the web server from the
 * configuration, wires them through the interfaces the modules own, and stops them in reverse order. The only
 * class that knows every module.
 */
public final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    private static final long TRIM_FIRST_SECONDS = 5;
    private static final long TRIM_INTERVAL_SECONDS = 30;
    /** Module schemas, migrated in this order at start. */
    private static final List<String> SCHEMAS = List.of("hub", "rules");
    private static final String DEVICES_CLIENT_ID = "roost-devices";
    private static final String RULES_CLIENT_ID = "roost-rules";
    private static final String WEB_CLIENT_ID = "roost-web";
    private static final String HISTORY_CLIENT_ID = "roost-history";
    private static final Duration DEVICE_FLUSH = Duration.ofSeconds(1);

    private final Parts parts;
    private final AtomicReference<Duration> brokerGrace;
    private final MqttBroker broker;
    private final DeviceLayer devices;
    private final WebServer web;
    private final Ports ports;

    private Hub(Parts parts, AtomicReference<Duration> brokerGrace, MqttBroker broker, DeviceLayer devices,
                WebServer web, Ports ports) {
        this.parts = parts;
        this.brokerGrace = brokerGrace;
        this.broker = broker;
        this.devices = devices;
        this.web = web;
        this.ports = ports;
    }

    /**
     * Starts everything and writes {@code ports.json} last, when the hub is ready.
     *
     * @param ports         listener ports that override the config
     * @param simulate      run the devices on Pi4J's mock platform even on a Raspberry Pi ({@code --simulate})
     * @param adminPassword the first start's password for user admin; null generates one
     * @throws dev.roost.hub.storage.StorageException when the database cannot be opened
     */
    public static Hub start(HubConfig config, Path dataDir, PortOverrides ports, boolean simulate,
                            String adminPassword) throws IOException {
        Files.createDirectories(dataDir);
        Instant started = Instant.now();
        Parts parts = new Parts();
        // A failed start gives the broker a short grace; stop(grace) sets the caller's.
        AtomicReference<Duration> brokerGrace = new AtomicReference<>(Duration.ofSeconds(2));
        try {
            Database database = parts.add(Database.open(dataDir, SCHEMAS), Database::close);
            UserStore users = new UserStore(database.dataSource(), new PasswordHash());
            InitialAdmin.ensure(users, dataDir, adminPassword);
            MqttLogins logins = parts.add(new MqttLogins(users, config.mqtt().broker().anonymousAccess(),
                    JwtVerifier.from(config.jwt()), Clock.systemUTC()), MqttLogins::close);
            AclPermissions permissions = new AclPermissions(new AclStore(database.dataSource()), () -> users.list()
                    .stream().filter(Account::admin).map(Account::name).collect(Collectors.toSet()));
            // Closed after the broker has stopped, so the journal writes the broker's last changes.
            H2Journal journal = parts.add(new H2Journal(database.dataSource()), H2Journal::close);
            MqttBroker broker = parts.add(new MqttBroker(config.mqtt().broker(),
                    durableStorage(config, journal), logins.authenticator(), permissions),
                    b -> b.stop(brokerGrace.get()));
            journal.start(broker.loop(), broker::snapshot);
            String mqttHost = config.mqtt().host();
            InetSocketAddress mqtt = broker.start(mqttHost, PortOverrides.choose(ports.mqtt(), config.mqtt().port()));
            InetSocketAddress ws = broker.startWebSocket(mqttHost,
                    PortOverrides.choose(ports.ws(), config.mqtt().websocketPort()));
            TlsPorts tls = startTls(broker, config, dataDir, ports);

            LocalClient deviceClient = parts.add(broker.localClient(DEVICES_CLIENT_ID), LocalClient::close);
            LocalDeviceBus deviceBus = new LocalDeviceBus(deviceClient);
            DeviceLayer devices = parts.add(startDevices(config, simulate, deviceBus), layer -> {
                // Outputs to their safe state and "offline" announced while the broker still runs.
                layer.close();
                if (!deviceBus.awaitPublished(DEVICE_FLUSH)) {
                    log.warn("device shutdown messages were not all routed within {}", DEVICE_FLUSH);
                }
            });

            // The engine only queues each message for its own thread, so it may listen on the broker loop.
            LocalClient rulesClient = parts.add(broker.nonBlockingLocalClient(RULES_CLIENT_ID), LocalClient::close);
            LocationStore locations = new LocationStore(database.dataSource());
            LocationView place = LocationSetting.initial(locations, config.location());
            RuleRuntime rules = parts.add(RuleRuntime.start(database.dataSource(),
                    new LocalRuleBus(new LocalDeviceBus(rulesClient)), triggerSettings(config, place),
                    devices.simulated()), RuleRuntime::close);

            // The recorder only queues on the broker loop; closed before its client, so it writes what it has.
            LocalClient historyClient = parts.add(broker.nonBlockingLocalClient(HISTORY_CLIENT_ID),
                    LocalClient::close);
            History history = parts.add(History.start(database.dataSource(), historyClient,
                    config.devices().baseTopic(), config.history(), Clock.systemUTC()), History::close);

            LocalClient webClient = parts.add(broker.localClient(WEB_CLIENT_ID), LocalClient::close);
            BrokerLiveFeed live = BrokerLiveFeed.start(webClient, config.devices().baseTopic(), Clock.systemUTC());
            WebAccounts accounts = new WebAccounts(users, dataDir, permissions::reload);
            LocalAdminToken cliToken = parts.add(LocalAdminToken.create(dataDir), LocalAdminToken::delete);
            TokenStore tokens = new TokenStore(database.dataSource(), users, cliToken);
            WebServices services = new WebServices(new BrokerStatus(broker, started), accounts, tokens, tokens,
                    accounts, new WebTopicAccess(permissions), new LayerDirectory(devices, permissions),
                    new RuleBookAdapter(rules.service(), rules.checker()),
                    new HubMetrics(broker, journal, started, history::dropped), live,
                    new MqttBrokerView(broker, config.mqtt().broker(), webClient), history.source(),
                    new LocationSetting(locations, place, rules::relocate), Clock.systemUTC());
            WebServer web = parts.add(new WebServer(services), WebServer::stop);
            int http = web.start(config.http().host(), PortOverrides.choose(ports.http(), config.http().port()));

            Ports bound = new Ports(mqtt.getPort(), ws.getPort(), http, tls.mqtts(), tls.wss());
            bound.writeTo(dataDir);
            log.atInfo().addKeyValue("mqtt", bound.mqtt()).addKeyValue("ws", bound.ws())
                    .addKeyValue("http", bound.http()).addKeyValue("mqtts", bound.mqtts())
                    .addKeyValue("wss", bound.wss())
                    .addKeyValue("data", dataDir.toAbsolutePath()).log("Roost is ready");
            NativeHeapTrimmer trimmer = parts.add(new NativeHeapTrimmer(), NativeHeapTrimmer::close);
            trimmer.start(TRIM_FIRST_SECONDS, TRIM_INTERVAL_SECONDS);
            return new Hub(parts, brokerGrace, broker, devices, web, bound);
        } catch (RuntimeException | IOException e) {
            parts.stopAll();
            throw e;
        }
    }

    /** The broker's stores, filled with what the journal kept from the last run. */
    private static BrokerStorage durableStorage(HubConfig config, H2Journal journal) {
        StoredState stored = journal.load();
        InMemoryRetainedStore retained = new InMemoryRetainedStore(config.mqtt().broker().maxRetainedMessages(),
                config.mqtt().broker().maxRetainedBytes());
        stored.retained().forEach(retained::put);
        return new BrokerStorage(new InMemorySessionStore(), new DurableRetainedStore(retained, journal), journal,
                stored.sessions());
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

    /** The ports of the TLS listeners (MQTT and WebSocket), both null when TLS is switched off. */
    private record TlsPorts(Integer mqtts, Integer wss) {
    }

    private static TlsPorts startTls(MqttBroker broker, HubConfig config, Path dataDir, PortOverrides ports)
            throws IOException {
        TlsSettings tls = config.mqtt().tls();
        if (!tls.enabled()) {
            return new TlsPorts(null, null);
        }
        TlsCertificate.Loaded certificate = TlsCertificate.load(dataDir, tls.certFile(), tls.keyFile(),
                tls.clientCertificates(), tls.clientCaFile());
        ServerTls server = new ServerTls(certificate.context(), tls.certificateCnAsUsername());
        String host = config.mqtt().host();
        return new TlsPorts(broker.startTls(host, PortOverrides.choose(ports.tls(), tls.port()), server).getPort(),
                broker.startWebSocketTls(host, PortOverrides.choose(ports.wss(), tls.websocketPort()), server)
                        .getPort());
    }

    private static TriggerSettings triggerSettings(HubConfig config, LocationView place) {
        if (place.source().equals(LocationSetting.DEFAULT)) {
            log.atWarn().addKeyValue("latitude", place.latitude()).addKeyValue("longitude", place.longitude())
                    .log("location not configured: sunrise and sunset are computed for Greenwich;"
                            + " set it on the settings screen, or location.latitude and location.longitude in the"
                            + " config file");
        }
        return new TriggerSettings(config.devices().baseTopic(), LocationSetting.location(place));
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

    /** The running devices: their state, the simulator's inputs. */
    public DeviceLayer devices() {
        return devices;
    }

    /**
     * Stops in the reverse order of start: the web server, the devices (outputs to their safe state), the broker
     * (within {@code grace}), then closes the database.
     */
    public void stop(Duration grace) {
        brokerGrace.set(grace);
        parts.stopAll();
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
