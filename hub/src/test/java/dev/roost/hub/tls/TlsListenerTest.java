package dev.roost.hub.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roost.hub.Ports;
import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.BrokerFixture;
import dev.roost.hub.broker.Received;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT over TLS and over secure WebSocket with the self-signed certificate the hub makes, from mosquitto_pub and from
 * a Java client.
 */
class TlsListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path data;
    private RunningHub hub;
    private int tlsPort;
    private Path certificate;

    @BeforeEach
    void start() throws Exception {
        hub = RunningHub.start(data, "correct horse battery");
        tlsPort = Ports.readFrom(data).mqtts();
        certificate = data.resolve("tls").resolve(TlsCertificate.CERTIFICATE);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private MqttClient tlsClient(String clientId) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("roost", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(null, trust.getTrustManagers(), null);
        MqttClient client = new MqttClient("ssl://localhost:" + tlsPort, clientId, new MemoryPersistence());
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setSocketFactory(tls.getSocketFactory());
        client.connect(options);
        return client;
    }

    @Test
    void mosquittoPubWithTheHubsCertificateReachesAJavaClientOverTls() throws Exception {
        assertThat(certificate).exists();
        MqttClient subscriber = tlsClient("tls-subscriber");
        Received received = new Received();
        subscriber.subscribe("tls/test", 1, received);

        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "localhost", "-p", Integer.toString(tlsPort),
                "--cafile", certificate.toString(), "-t", "tls/test", "-m", "over tls", "-q", "1")
                .redirectErrorStream(true).start();
        assertThat(pub.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String output = new String(pub.getInputStream().readAllBytes());

        assertThat(pub.exitValue()).as(output).isZero();
        assertThat(received.next(WAIT).payload()).isEqualTo("over tls");
        subscriber.disconnect();
        subscriber.close();
    }

    @Test
    void aPlainTcpClientOnTheTlsPortIsRefused() throws Exception {
        MqttClient plain = new MqttClient("tcp://127.0.0.1:" + tlsPort, "plain", new MemoryPersistence());
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setConnectionTimeout(3);

        assertThatThrownBy(() -> plain.connect(options)).isInstanceOf(MqttException.class);
        plain.close();
    }

    @Test
    void theJavaClientOverSecureWebSocketSharesTheBrokerWithTcpClients() throws Exception {
        MqttClient phone = new MqttClient("wss://localhost:" + Ports.readFrom(data).wss() + "/mqtt", "phone",
                new MemoryPersistence());
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setSocketFactory(TestCertificates.socketFactory(certificate, null));
        try {
            phone.connect(options);
            Received received = new Received();
            phone.subscribe("home/smart-lock", 1, received);
            MqttClient lock = hub.client("lock");
            lock.publish("home/smart-lock", "{\"state\":\"LOCKED\"}".getBytes(), 1, false);
            BrokerFixture.discard(lock);

            assertThat(received.next(WAIT).payload()).isEqualTo("{\"state\":\"LOCKED\"}");
        } finally {
            BrokerFixture.discard(phone);
        }
    }

    @Test
    void aPlainWebSocketClientOnTheSecureWebSocketPortIsRefused() throws Exception {
        MqttClient plain = new MqttClient("ws://127.0.0.1:" + Ports.readFrom(data).wss() + "/mqtt", "plain-ws",
                new MemoryPersistence());
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setConnectionTimeout(3);

        assertThatThrownBy(() -> plain.connect(options)).isInstanceOf(MqttException.class);
        plain.close();
    }

    @Test
    void theCertificateIsKeptAcrossRestarts() throws Exception {
        String first = Files.readString(certificate);
        hub.close();
        hub = RunningHub.start(data, "correct horse battery");

        assertThat(Files.readString(certificate)).isEqualTo(first);
    }
}
