package dev.roost.hub.tls;

import io.netty.handler.ssl.ClientAuth;

/** Whether the TLS listeners ask clients for a certificate signed by the configured CAs. */
public enum ClientCertificates {
    /** Clients are not asked; they log in with a password, a token or anonymously. */
    NONE(ClientAuth.NONE),
    /** A client may present a certificate; one that does not logs in as it would without TLS. */
    OPTIONAL(ClientAuth.OPTIONAL),
    /** A client without a valid certificate fails the TLS handshake. */
    REQUIRED(ClientAuth.REQUIRE);

    private final ClientAuth netty;

    ClientCertificates(ClientAuth netty) {
        this.netty = netty;
    }

    ClientAuth netty() {
        return netty;
    }
}
