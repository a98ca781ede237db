package dev.roost.hub.broker.auth;

import io.netty.util.AttributeKey;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The user a verified TLS client certificate names: the CN of its subject. The TLS listener puts it on the
 * connection's channel under {@link #ATTRIBUTE} once the handshake has verified the certificate, and CONNECT hands
 * it to the {@link Authenticator} as the client's credential.
 */
public final class CertificateUser {

    public static final AttributeKey<String> ATTRIBUTE = AttributeKey.valueOf("roost.certificateUser");

    private CertificateUser() {
    }

    /**
     * @return the subject's one CN, or null when the certificate has none, several, or one that could pass for an
     *         in-process client of the hub (those start with {@code $}, see {@link ClientIdentity#internal})
     */
    public static String of(X509Certificate certificate) {
        List<Rdn> names;
        try {
            names = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
        } catch (InvalidNameException e) {
            return null; // the JDK parsed it already, so only a name we cannot read back gets here
        }
        List<String> commonNames = names.stream().filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                .map(rdn -> rdn.getValue().toString()).toList();
        if (commonNames.size() != 1) {
            return null;
        }
        String name = commonNames.get(0);
        return name.isBlank() || name.startsWith("$") ? null : name;
    }
}
