package dev.roost.hub.broker.auth;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a CONNECT is let in. Called on the broker loop, so it must not block: slow checks (password
 * hashing) run elsewhere and complete the stage later, on any thread.
 */
public interface Authenticator {

    /**
     * @param username null when the client sent none
     * @param password null when the client sent none
     * @param certificateUser the user a verified client certificate names ({@link CertificateUser}), which then
     *                        stands for the client's credentials; null without one
     * @return acceptance with the client's identity, or the refusal to send in CONNACK
     */
    CompletionStage<Verdict> authenticate(String clientId, String username, byte[] password, String certificateUser,
                                          InetAddress source);
}
