package dev.roost.hub.config;

import dev.roost.hub.broker.auth.AnonymousAccess;
import dev.roost.hub.tls.ClientCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path temp;

    private Path write(String yaml) throws Exception {
        Path file = temp.resolve("roost.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void everyKeyIsOptional() throws Exception {
        HubConfig config = new ConfigLoader().load(write("mqtt:\n  port: 1884\n"));
        assertThat(config.mqtt().port()).isEqualTo(1884);
        assertThat(config.mqtt().websocketPort()).isEqualTo(8083);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.mqtt().broker().maxPacketSize()).isEqualTo(256 * 1024);
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        assertThat(new ConfigLoader().load(write(""))).isEqualTo(HubConfig.defaults());
    }

    @Test
    void limitsAndPoliciesAreRead() throws Exception {
        HubConfig config = new ConfigLoader().load(write("""
                mqtt:
                  anonymous: none
                  maxKeepAlive: 300
                  allowZeroKeepAlive: false
                  maxQueuedMessages: 50
                """));
        assertThat(config.mqtt().broker().anonymousAccess()).isEqualTo(AnonymousAccess.NONE);
        assertThat(config.mqtt().broker().maxKeepAlive()).isEqualTo(300);
        assertThat(config.mqtt().broker().allowZeroKeepAlive()).isFalse();
        assertThat(config.mqtt().broker().maxQueuedMessages()).isEqualTo(50);
    }

    @Test
    void valueOutOfRangeNamesFileLineAndKey() throws Exception {
        Path file = write("""
                http:
                  port: 8080
                mqtt:
                  port: 99999
                  maxInflight: 10
                """);
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":4:3: mqtt.port: must be between 0 and 65535, got 99999");
    }

    @Test
    void unknownKeyNamesItsOwnLine() throws Exception {
        Path file = write("""
                bogus: 1
                mqtt:
                  port: 1
                """);
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":1:1: bogus: unknown key 'bogus'");
    }

    @Test
    void wrongTypeIsReported() throws Exception {
        Path file = write("mqtt:\n  anonymous: sometimes\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("mqtt.anonymous");
    }

    @Test
    void tlsSectionTurnsOnClientCertificatesWithTheirNamesAsUsers() throws Exception {
        HubConfig config = new ConfigLoader().load(write("""
                mqtt:
                  tls:
                    websocketPort: 9084
                    clientCertificates: required
                    clientCaFile: /etc/roost/client-ca.pem
                """));
        TlsSettings tls = config.mqtt().tls();
        assertThat(tls.enabled()).isTrue();
        assertThat(tls.port()).isEqualTo(8883);
        assertThat(tls.websocketPort()).isEqualTo(9084);
        assertThat(tls.clientCertificates()).isEqualTo(ClientCertificates.REQUIRED);
        assertThat(tls.clientCaFile()).isEqualTo(Path.of("/etc/roost/client-ca.pem"));
        assertThat(tls.certificateCnAsUsername()).isTrue();
    }

    @Test
    void tlsFalseSwitchesTheTlsListenersOff() throws Exception {
        HubConfig config = new ConfigLoader().load(write("mqtt:\n  tls: false\n"));
        assertThat(config.mqtt().tls().enabled()).isFalse();
        assertThat(HubConfig.defaults().mqtt().tls()).isEqualTo(TlsSettings.defaults());
        assertThat(TlsSettings.defaults().clientCertificates()).isEqualTo(ClientCertificates.NONE);
        assertThat(TlsSettings.defaults().certificateCnAsUsername()).isFalse();
    }

    @Test
    void clientCertificatesWithoutTheirCaNamesFileLineAndKey() throws Exception {
        Path file = write("""
                mqtt:
                  port: 1883
                  tls:
                    clientCertificates: optional
                """);
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":4:5: mqtt.tls.clientCertificates: give mqtt.tls.clientCaFile, the PEM file"
                        + " of the CAs that sign client certificates");
    }

    @Test
    void tlsWebsocketPortOutOfRangeNamesItsKey() throws Exception {
        Path file = write("mqtt:\n  tls:\n    websocketPort: 70000\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":3:5: mqtt.tls.websocketPort: must be between 0 and 65535, got 70000");
    }

    @Test
    void missingFileIsReported() {
        Path file = temp.resolve("nope.yaml");
        assertThatThrownBy(() -> new ConfigLoader().load(file)).hasMessage(file + ": file not found");
    }
}
