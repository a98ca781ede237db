package dev.roost.hub.broker.auth;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

/**
 * An authenticator's answer to a CONNECT: the CONNACK code and, when accepted, who the client is for
 * permission checks (which a token may decide rather than the user name field).
 *
 * @param username the identity for permissions; null for an anonymous client
 * @param grant    topics the credential grants by itself, or null to use the stored rules
 */
public record Verdict(MqttConnectReturnCode code, String username, TopicGrant grant) {

    public static Verdict accepted(String username) {
        return new Verdict(MqttConnectReturnCode.CONNECTION_ACCEPTED, username, null);
    }

    public static Verdict refused(MqttConnectReturnCode code) {
        return new Verdict(code, null, null);
    }

    public boolean isAccepted() {
        return code == MqttConnectReturnCode.CONNECTION_ACCEPTED;
    }
}
