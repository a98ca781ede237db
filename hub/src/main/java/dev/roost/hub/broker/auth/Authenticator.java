package dev.roost.hub.broker.auth;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

import java.net.InetAddress;

/** Decides whether a CONNECT is let in. Called on the broker loop: implementations must not block. */
public interface Authenticator {

    /**
     * @param username null when the client sent none
     * @param password null when the client sent none
     * @return {@link MqttConnectReturnCode#CONNECTION_ACCEPTED} or the refusal to send in CONNACK
     */
    MqttConnectReturnCode authenticate(String clientId, String username, byte[] password, InetAddress source);
}
