package dev.roost.hub.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roost.hub.Ports;
import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.Received;
import dev.roost.hub.config.ConfigLoader;
import dev.roost.hub.web.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client certificates on the TLS listeners: mosquitto_pub/mosquitto_sub and the Java client log in with a
 * certificate signed by the configured CA, as the user its CN names, and get exactly that user's topics.
 */
class ClientCertificateTest {

    private static final String ADMIN_PASSWORD = "correct horse battery";
    private static final String SENSOR = "sensor-7";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final int DENIED = 0x80;

    @TempDir
    static Path folder;
    private static TestCertificates ca;
    private static TestCertificates.Client sensor;
    /** The hub most tests use, requiring client certificates; the other modes start their own. */
    private static CertificateHub required;

    private final List<MqttClient> clients = new ArrayList<>();
    private CertificateHub other;

    /** A running hub with the given client certificate settings and its sensor user. */
    private record CertificateHub(RunningHub hub, Ports ports, Path serverCertificate) {

        /** Starts the hub with these TLS settings and a user for the sensor, limited to its own topics. */
        static CertificateHub start(String tlsSettings) throws Exception {
            Path data = Files.createTempDirectory(folder, "hub");
            Path config = data.resolve("roost.yaml");
            Files.writeString(config, "mqtt:\n  tls:\n" + tlsSettings.indent(4)
                    + "    clientCaFile: " + ca.caFile() + "\n");
            RunningHub hub = RunningHub.start(new ConfigLoader().load(config), data, ADMIN_PASSWORD);
            WebClient admin = new WebClient(hub.httpBase());
            admin.login("admin", ADMIN_PASSWORD);
            assertThat(admin.post("/api/users", "{\"name\":\"" + SENSOR
                    + "\",\"password\":\"unused by the sensor\"}").statusCode()).isEqualTo(201);
            assertThat(admin.put("/api/acl/" + SENSOR,
                    "{\"publish\":[\"sensors/%u/#\"],\"subscribe\":[\"cmnd/%u/#\"]}").statusCode()).isEqualTo(200);
            return new CertificateHub(hub, Ports.readFrom(data),
                    data.resolve("tls").resolve(TlsCertificate.CERTIFICATE));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ca = TestCertificates.create(Files.createDirectory(folder.resolve("certificates")));
        sensor = ca.signed(SENSOR);
        required = CertificateHub.start("clientCertificates: required");
    }

    @AfterAll
    static void stopShared() {
        if (required != null) {
            required.hub().close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : clients) {
            BrokerFixture.discard(client);
        }
        if (other != null) {
            other.hub().close();
        }
    }

    @Test
    void mosquittoPubWithACertificatePublishesAsItsUserAndOnlyWhereThatUserMay() throws Exception {
        Received seen = new Received();
        adminOverTcp().subscribe(new String[] {"home/smart-lock/set", "sensors/#"}, new int[] {1, 1},
                new Received[] {seen, seen});

        Result denied = mosquitto("mosquitto_pub", withCertificate(sensor, "-t", "home/smart-lock/set",
                "-m", "{\"state\":\"UNLOCK\"}", "-q", "1"));
        Result allowed = mosquitto("mosquitto_pub", withCertificate(sensor, "-t", "sensors/sensor-7/temperature",
                "-m", "21.4", "-q", "1"));

        assertThat(denied.exitCode()).as(denied.output()).isZero(); // 3.1.1 has no refusal: dropped silently
        assertThat(allowed.exitCode()).as(allowed.output()).isZero();
        assertThat(seen.next(WAIT).topic()).isEqualTo("sensors/sensor-7/temperature");
        seen.expectNothing(QUIET);
    }

    @Test
    void mosquittoSubWithACertificateReadsItsUsersCommands() throws Exception {
        adminOverTcp().publish("cmnd/sensor-7/interval", "60".getBytes(StandardCharsets.UTF_8), 1, true);

        Result sub = mosquitto("mosquitto_sub", withCertificate(sensor, "-t", "cmnd/sensor-7/#", "-C", "1",
                "-W", "10"));

        assertThat(sub.exitCode()).as(sub.output()).isZero();
        assertThat(sub.output().strip()).isEqualTo("60");
    }

    @Test
    void withoutACertificateTheHandshakeIsRefusedEvenWithAGoodPassword() throws Exception {
        Received seen = new Received();
        adminOverTcp().subscribe("anything", 1, seen);

        Result pub = mosquitto("mosquitto_pub", toTheTlsPort("-u", "admin", "-P", ADMIN_PASSWORD,
                "-t", "anything", "-m", "should not pass", "-q", "1"));

        assertThat(pub.exitCode()).as(pub.output()).isNotZero();
        seen.expectNothing(QUIET);
    }

    @Test
    void aSelfSignedCertificateNamingAdminIsRefused() throws Exception {
        TestCertificates.Client forged = ca.selfSigned("admin");

        Result pub = mosquitto("mosquitto_pub", withCertificate(forged, "-t", "home/smart-lock/set",
                "-m", "{\"state\":\"UNLOCK\"}"));

        assertThat(pub.exitCode()).as(pub.output()).isNotZero();
    }

    @Test
    void aCertificateNamingNoUserOfTheHubIsNotAuthorized() throws Exception {
        TestCertificates.Client stranger = ca.signed("stranger");

        Result pub = mosquitto("mosquitto_pub", withCertificate(stranger, "-t", "test", "-m", "hi"));

        assertThat(pub.exitCode()).as(pub.output()).isNotZero();
        assertThat(pub.output()).contains("not authorised");
    }

    @Test
    void aCertificateNamingAnInProcessClientOfTheHubIsDisconnected() throws Exception {
        TestCertificates.Client impostor = ca.signed("$roost-rules");

        // Closed before CONNACK, not merely refused as a stranger with code 5.
        assertThatThrownBy(() -> connect(required, "ssl://localhost:" + required.ports().mqtts(), impostor, null))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_CONNECTION_LOST));
    }

    @Test
    void theJavaClientOverSecureWebSocketGetsTheTopicsOfItsCertificatesUser() throws Exception {
        MqttClient client = connect(required, "wss://localhost:" + required.ports().wss() + "/mqtt", sensor, null);

        int[] granted = client.subscribeWithResponse(new String[] {"cmnd/sensor-7/#", "home/#"}, new int[] {1, 1})
                .getGrantedQos();

        assertThat(granted).containsExactly(1, DENIED);
    }

    @Test
    void withOptionalCertificatesAClientWithoutOneLogsInWithItsPassword() throws Exception {
        other = CertificateHub.start("clientCertificates: optional");
        MqttClient withPassword = connect(other, "ssl://localhost:" + other.ports().mqtts(), null, "admin");
        MqttClient withCertificate = connect(other, "ssl://localhost:" + other.ports().mqtts(), sensor, null);

        assertThat(withPassword.subscribeWithResponse("$SYS/#", 0).getGrantedQos()).containsExactly(0);
        assertThat(withCertificate.subscribeWithResponse("$SYS/#", 0).getGrantedQos()).containsExactly(DENIED);
    }

    @Test
    void whenTheCertificateDoesNotNameTheUserItOnlyOpensTheDoor() throws Exception {
        other = CertificateHub.start("clientCertificates: required\nuseCertificateCnAsUsername: false");
        String uri = "ssl://localhost:" + other.ports().mqtts();
        // Anonymous (allowed from loopback) and so not bound by the sensor's rules.
        MqttClient client = connect(other, uri, sensor, null);

        assertThat(client.subscribeWithResponse("home/#", 1).getGrantedQos()).containsExactly(1);
        assertThatThrownBy(() -> connect(other, uri, null, "admin"))
                .isInstanceOf(MqttException.class);
    }

    private MqttClient adminOverTcp() throws Exception {
        return connect(required, "tcp://127.0.0.1:" + required.ports().mqtt(), null, "admin");
    }

    /**
     * @param certificate presented in the TLS handshake of an ssl:// or wss:// URI, or null for none
     * @param user        logs in with the admin password when "admin", or sends no credentials when null
     */
    private MqttClient connect(CertificateHub hub, String uri, TestCertificates.Client certificate, String user)
            throws Exception {
        MqttClient client = new MqttClient(uri, "client-" + clients.size(), new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = BrokerFixture.options(true);
        if (!uri.startsWith("tcp:")) {
            SSLSocketFactory tls = TestCertificates.socketFactory(hub.serverCertificate(), certificate);
            options.setSocketFactory(tls);
        }
        if (user != null) {
            options.setUserName(user);
            options.setPassword(ADMIN_PASSWORD.toCharArray());
        }
        client.connect(options);
        return client;
    }

    /** Arguments for mosquitto_pub/_sub to the shared hub's TLS port, trusting its certificate. */
    private static List<String> toTheTlsPort(String... more) {
        List<String> args = new ArrayList<>(List.of("-h", "localhost", "-p",
                Integer.toString(required.ports().mqtts()), "--cafile", required.serverCertificate().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> withCertificate(TestCertificates.Client client, String... more) {
        List<String> args = toTheTlsPort("--cert", client.certificate().toString(), "--key", client.key().toString());
        args.addAll(List.of(more));
        return args;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result mosquitto(String tool, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(tool + " did not finish within " + WAIT);
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
        } finally {
            process.destroyForcibly();
        }
    }
}
