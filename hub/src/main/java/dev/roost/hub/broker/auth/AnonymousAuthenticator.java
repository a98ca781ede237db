package dev.roost.hub.broker.auth;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

import java.net.InetAddress;

/**
 * Authentication while the broker has no user database: clients are anonymous, allowed according to
 * {@link AnonymousAccess}. Credentials cannot be checked, so a client that presents them where anonymous
 * access is not allowed is told its user name or password is wrong.
 */
public final class AnonymousAuthenticator implements Authenticator {

    private final AnonymousAccess access;

    public AnonymousAuthenticator(AnonymousAccess access) {
        this.access = access;
    }

    @Override
    public MqttConnectReturnCode authenticate(String clientId, String username, byte[] password,
                                              InetAddress source) {
        boolean allowed = switch (access) {
            case ANY -> true;
            case LOOPBACK -> source == null || source.isLoopbackAddress();
            case NONE -> false;
        };
        if (allowed) {
            return MqttConnectReturnCode.CONNECTION_ACCEPTED;
        }
        return username != null
                ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
    }
}
