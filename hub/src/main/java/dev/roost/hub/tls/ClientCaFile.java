package dev.roost.hub.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/** The CAs whose client certificates the TLS listeners accept, read from the PEM bundle {@code mqtt.tls.clientCaFile}. */
final class ClientCaFile {

    private static final Logger log = LoggerFactory.getLogger(ClientCaFile.class);

    private ClientCaFile() {
    }

    /** @throws IllegalArgumentException naming the key and the file when it holds no usable certificate */
    static X509Certificate[] read(Path file) {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw problem(file, "file not found");
        } catch (IOException | CertificateException e) {
            throw problem(file, "not a PEM certificate bundle (" + e.getMessage() + ")");
        }
        if (read.isEmpty()) {
            throw problem(file, "holds no certificate");
        }
        X509Certificate[] cas = read.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        for (X509Certificate ca : cas) {
            log.atInfo().addKeyValue("subject", ca.getSubjectX500Principal().getName())
                    .addKeyValue("notAfter", ca.getNotAfter().toInstant())
                    .log("client certificates signed by this CA are accepted");
        }
        return cas;
    }

    private static IllegalArgumentException problem(Path file, String reason) {
        return new IllegalArgumentException("TLS: mqtt.tls.clientCaFile " + file + ": " + reason);
    }
}
