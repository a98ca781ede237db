package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.roost.hub.tls.ClientCertificates;

import java.nio.file.Path;

/**
 * The {@code mqtt.tls:} section: the MQTT-over-TLS listener (8883) and MQTT over secure WebSocket (8084), on by
 * default, with the configured PEM files or a self-signed certificate the hub makes, and optionally client
 * certificates. {@code mqtt.tls: false} (or {@code true}) stands for the section with only {@code enabled}.
 *
 * @param certFile                   PEM certificate chain, or null for the self-signed one
 * @param keyFile                    PEM private key (PKCS#8) of certFile
 * @param clientCaFile               PEM bundle of the CAs whose client certificates are accepted; null with NONE
 * @param certificateCnAsUsername    a client certificate's CN is the client's user name, without a password
 */
public record TlsSettings(boolean enabled, int port, int websocketPort, Path certFile, Path keyFile,
                          ClientCertificates clientCertificates, Path clientCaFile,
                          boolean certificateCnAsUsername) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static TlsSettings of(@JsonProperty("enabled") Boolean enabled,
                          @JsonProperty("port") Integer port,
                          @JsonProperty("websocketPort") Integer websocketPort,
                          @JsonProperty("certFile") String certFile,
                          @JsonProperty("keyFile") String keyFile,
                          @JsonProperty("clientCertificates") ClientCertificates clientCertificates,
                          @JsonProperty("clientCaFile") String clientCaFile,
                          @JsonProperty("useCertificateCnAsUsername") Boolean cnAsUsername) {
        if ((certFile == null) != (keyFile == null)) {
            throw new InvalidSettingException(certFile == null ? "mqtt.tls.certFile" : "mqtt.tls.keyFile",
                    "give both mqtt.tls.certFile and mqtt.tls.keyFile, or neither for a self-signed certificate");
        }
        ClientCertificates clients = clientCertificates != null ? clientCertificates : ClientCertificates.NONE;
        boolean checked = clients != ClientCertificates.NONE;
        if (checked && clientCaFile == null) {
            throw new InvalidSettingException("mqtt.tls.clientCertificates",
                    "give mqtt.tls.clientCaFile, the PEM file of the CAs that sign client certificates");
        }
        if (!checked && clientCaFile != null) {
            throw new InvalidSettingException("mqtt.tls.clientCaFile",
                    "has no effect unless mqtt.tls.clientCertificates is optional or required");
        }
        if (!checked && Boolean.TRUE.equals(cnAsUsername)) {
            throw new InvalidSettingException("mqtt.tls.useCertificateCnAsUsername",
                    "has no effect unless mqtt.tls.clientCertificates is optional or required");
        }
        return new TlsSettings(enabled == null || enabled, Ranges.port("mqtt.tls.port", port, 8883),
                Ranges.port("mqtt.tls.websocketPort", websocketPort, 8084), path(certFile), path(keyFile),
                clients, path(clientCaFile), checked && (cnAsUsername == null || cnAsUsername));
    }

    /** {@code mqtt.tls: true} or {@code false}: every other key at its default. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TlsSettings switchedOn(boolean enabled) {
        return of(enabled, null, null, null, null, null, null, null);
    }

    public static TlsSettings defaults() {
        return switchedOn(true);
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }
}
