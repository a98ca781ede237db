package dev.roost.hub.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The TLS listener's certificate: PEM files the owner configured, or else a self-signed one the hub makes in
 * {@code DATA/tls} on first start (with the JDK's own {@code keytool}, so no crypto of ours) and keeps. Its
 * certificate is written as {@code DATA/tls/roost-cert.pem} for clients ({@code mosquitto_pub --cafile}) and its
 * SHA-256 fingerprint is logged. Only TLS 1.2 and 1.3 are offered. Client certificates, when asked for, must be
 * signed by a CA of the configured bundle.
 */
public final class TlsCertificate {

    private static final Logger log = LoggerFactory.getLogger(TlsCertificate.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String FOLDER = "tls";
    static final String KEYSTORE = "roost.p12";
    public static final String CERTIFICATE = "roost-cert.pem";
    /** The file's permissions protect the key, as for a PEM key file; PKCS#12 merely insists on a password. */
    private static final char[] STORE_PASSWORD = "roost-keystore".toCharArray();
    private static final String ALIAS = "roost";
    private static final long KEYTOOL_SECONDS = 60;

    private TlsCertificate() {
    }

    /** The server's TLS context and what clients need to know about it. */
    public record Loaded(SslContext context, String fingerprint, Path certificate) {
    }

    /**
     * @param certFile     configured PEM certificate chain, or null to use (and on first start make) a self-signed one
     * @param keyFile      configured PEM private key (PKCS#8), with certFile
     * @param clients      whether clients are asked for a certificate
     * @param clientCaFile PEM bundle of the CAs that sign client certificates; unused with {@code NONE}
     * @throws IllegalArgumentException naming the file when it cannot be used
     */
    public static Loaded load(Path dataDir, Path certFile, Path keyFile, ClientCertificates clients,
                              Path clientCaFile) throws IOException {
        X509Certificate[] clientCas = clients == ClientCertificates.NONE ? null : ClientCaFile.read(clientCaFile);
        ServerKey key = serverKey(dataDir, certFile, keyFile);
        SslContext context = key.builder().protocols(PROTOCOLS).clientAuth(clients.netty())
                .trustManager(clientCas).build();
        return loaded(context, key.certificate(), key.file(), clients);
    }

    /** The server's key and certificate, and the file clients can trust it by. */
    private record ServerKey(SslContextBuilder builder, X509Certificate certificate, Path file) {
    }

    private static ServerKey serverKey(Path dataDir, Path certFile, Path keyFile) throws IOException {
        try {
            if (certFile != null) {
                return new ServerKey(SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile()),
                        readCertificate(certFile), certFile);
            }
            Path folder = Files.createDirectories(dataDir.resolve(FOLDER));
            Path keystore = folder.resolve(KEYSTORE);
            if (!Files.exists(keystore)) {
                generate(keystore);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, STORE_PASSWORD);
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            Path pem = folder.resolve(CERTIFICATE);
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            return new ServerKey(SslContextBuilder.forServer(keys), certificate, pem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS: " + (certFile != null ? certFile + " / " + keyFile
                    : dataDir.resolve(FOLDER).resolve(KEYSTORE)) + ": " + e.getMessage(), e);
        }
    }

    private static Loaded loaded(SslContext context, X509Certificate certificate, Path file,
                                 ClientCertificates clients) {
        String fingerprint;
        try {
            fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e); // every Java SE has it
        }
        log.atInfo().addKeyValue("certificate", file).addKeyValue("sha256", fingerprint)
                .addKeyValue("subject", certificate.getSubjectX500Principal().getName())
                .addKeyValue("clientCertificates", clients).log("TLS certificate in use");
        return new Loaded(context, fingerprint, file);
    }

    private static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate first = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return (X509Certificate) first;
        }
    }

    /** A 10-year EC P-256 certificate for this host's names, made by the JDK's keytool. */
    private static void generate(Path keystore) throws IOException {
        // keytool reads the name inside a distinguished name and a SAN list: keep to what a host name may hold.
        String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "-");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                "-dname", "CN=" + host + ", O=Roost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1,dns:" + host + ",dns:" + host + ".local",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                Files.deleteIfExists(keystore);
                throw new IOException("keytool could not make a certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate", e);
        }
        log.atWarn().addKeyValue("keystore", keystore)
                .log("no TLS certificate configured: made a self-signed one; give clients its certificate file");
    }
}
