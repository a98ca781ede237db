package dev.roost.hub.config;

import java.nio.file.Path;

/**
 * The MQTT-over-TLS listener: on by default on port 8883, with the configured PEM files or a self-signed
 * certificate the hub makes.
 *
 * @param certFile PEM certificate chain, or null for the self-signed one
 * @param keyFile  PEM private key (PKCS#8) of certFile
 */
public record TlsSettings(boolean enabled, int port, Path certFile, Path keyFile) {

    static TlsSettings of(Boolean enabled, Integer port, String certFile, String keyFile) {
        if ((certFile == null) != (keyFile == null)) {
            throw new InvalidSettingException(certFile == null ? "mqtt.tlsCertFile" : "mqtt.tlsKeyFile",
                    "give both mqtt.tlsCertFile and mqtt.tlsKeyFile, or neither for a self-signed certificate");
        }
        return new TlsSettings(enabled == null || enabled, Ranges.port("mqtt.tlsPort", port, 8883),
                certFile == null ? null : Path.of(certFile), keyFile == null ? null : Path.of(keyFile));
    }
}
