package dev.roost.hub.broker.auth;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Authentication for a broker without a user database: clients are anonymous, allowed according to
 * {@link AnonymousAccess}. Credentials cannot be checked, so a client that presents them where anonymous
 * access is not allowed is told its user name or password is wrong. A verified client certificate is enough by
 * itself: the CA that signed it vouches for the name.
 */
public final class AnonymousAuthenticator implements Authenticator {

    private final AnonymousAccess access;

    public AnonymousAuthenticator(AnonymousAccess access) {
        this.access = access;
    }

    @Override
    public CompletionStage<Verdict> authenticate(String clientId, String username, byte[] password,
                                                 String certificateUser, InetAddress source) {
        if (certificateUser != null) {
            return CompletableFuture.completedFuture(Verdict.accepted(certificateUser));
        }
        if (access.allows(source)) {
            return CompletableFuture.completedFuture(Verdict.accepted(username));
        }
        return CompletableFuture.completedFuture(Verdict.refused(username != null
                ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED));
    }
}
