package dev.roost.hub.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away CA and client certificates, made with the JDK's keytool in a test's temp folder, so no key material
 * is kept in the repository. Every file is PEM, as mosquitto_pub wants it; Java clients get an SSL socket factory.
 */
final class TestCertificates {

    private static final String PASSWORD = "test-only";
    private static final String KEY = "EC";
    private static final long KEYTOOL_SECONDS = 60;

    private final Path folder;
    private final Path caStore;
    private final Path caPem;

    /** A client's certificate (signed by the CA, or by itself) and private key. */
    record Client(Path certificate, Path key, KeyStore keyStore) {
    }

    private TestCertificates(Path folder) {
        this.folder = folder;
        this.caStore = folder.resolve("ca.p12");
        this.caPem = folder.resolve("ca.pem");
    }

    /** Makes the CA in {@code folder}. */
    static TestCertificates create(Path folder) throws Exception {
        TestCertificates made = new TestCertificates(folder);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", KEY, "-dname", "CN=Roost Test CA", "-validity", "2",
                "-ext", "bc:c", "-ext", "KU=keyCertSign,cRLSign", "-keystore", made.caStore.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", made.caStore.toString(),
                "-file", made.caPem.toString());
        return made;
    }

    /** The CA's certificate: the hub's {@code mqtt.tls.clientCaFile}. */
    Path caFile() {
        return caPem;
    }

    /** A client certificate for {@code commonName}, signed by the CA. */
    Client signed(String commonName) throws Exception {
        String name = "signed-" + commonName;
        Path store = newKeyPair(name, commonName);
        Path request = folder.resolve(name + ".csr");
        Path certificate = folder.resolve(name + "-cert.pem");
        keytool("-certreq", "-alias", "client", "-keystore", store.toString(), "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
                "-outfile", certificate.toString(), "-validity", "1", "-ext", "KU=digitalSignature",
                "-ext", "EKU=clientAuth");
        return client(store, certificate, name);
    }

    /** A certificate for {@code commonName} that the client signed itself, so no CA vouches for it. */
    Client selfSigned(String commonName) throws Exception {
        String name = "self-" + commonName;
        Path store = newKeyPair(name, commonName);
        Path certificate = folder.resolve(name + "-cert.pem");
        keytool("-exportcert", "-rfc", "-alias", "client", "-keystore", store.toString(),
                "-file", certificate.toString());
        return client(store, certificate, name);
    }

    /** A socket factory trusting {@code serverCertificate}, presenting {@code client}'s certificate unless null. */
    static SSLSocketFactory socketFactory(Path serverCertificate, Client client) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", readCertificates(serverCertificate).get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (client != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client.keyStore(), PASSWORD.toCharArray());
        }
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return tls.getSocketFactory();
    }

    private Path newKeyPair(String name, String commonName) throws Exception {
        Path store = folder.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "client", "-keyalg", KEY, "-dname", "CN=" + commonName + ", O=Roost Test",
                "-validity", "1", "-keystore", store.toString());
        return store;
    }

    /** Writes the private key as PKCS#8 PEM and pairs it with the certificate in a key store for Java clients. */
    private Client client(Path store, Path certificate, String name) throws Exception {
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            generated.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) generated.getKey("client", PASSWORD.toCharArray());
        Path keyPem = folder.resolve(name + "-key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        KeyStore paired = KeyStore.getInstance("PKCS12");
        paired.load(null, null);
        paired.setKeyEntry("client", key, PASSWORD.toCharArray(),
                readCertificates(certificate).toArray(Certificate[]::new));
        return new Client(certificate, keyPem, paired);
    }

    private static List<Certificate> readCertificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static void keytool(String... args) throws Exception {
        // A short-lived JVM each time: the quick compiler and the serial collector halve its start.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Path output = Files.createTempFile("keytool", ".log");
        // Output goes to a file, so a keytool that hangs cannot block the read: the wait below is bounded.
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: "
                        + Files.readString(output));
            }
        } finally {
            process.destroyForcibly();
            Files.delete(output);
        }
    }
}
