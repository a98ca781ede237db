package dev.roost.hub.broker.connection;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

/** The MQTT 5 reason codes this broker sends [MQTT 5, 2.4], and the MQTT 5 form of MQTT 3.1.1 CONNACK codes. */
final class ReasonCodes {

    static final int SUCCESS = 0x00;
    static final int DISCONNECT_WITH_WILL = 0x04;
    static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    static final int MALFORMED_PACKET = 0x81;
    static final int PROTOCOL_ERROR = 0x82;
    static final int NOT_AUTHORIZED = 0x87;
    static final int SERVER_SHUTTING_DOWN = 0x8B;
    static final int KEEP_ALIVE_TIMEOUT = 0x8D;
    static final int SESSION_TAKEN_OVER = 0x8E;
    static final int PACKET_ID_NOT_FOUND = 0x92;
    static final int TOPIC_ALIAS_INVALID = 0x94;
    static final int PACKET_TOO_LARGE = 0x95;
    static final int QUOTA_EXCEEDED = 0x97;
    static final int PAYLOAD_FORMAT_INVALID = 0x99;

    private ReasonCodes() {
    }

    /** The CONNACK code to send an MQTT 5 client for a refusal decided in MQTT 3.1.1 terms. */
    static MqttConnectReturnCode forMqtt5(MqttConnectReturnCode code) {
        return switch (code) {
            case CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION ->
                    MqttConnectReturnCode.CONNECTION_REFUSED_UNSUPPORTED_PROTOCOL_VERSION;
            case CONNECTION_REFUSED_IDENTIFIER_REJECTED ->
                    MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID;
            case CONNECTION_REFUSED_SERVER_UNAVAILABLE -> MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5;
            case CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD ->
                    MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD;
            // An expired token, too, is "not authorized" (0x87), as the issue and 3.1.1's code 5 have it.
            case CONNECTION_REFUSED_NOT_AUTHORIZED -> MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5;
            default -> code;
        };
    }

    /** The MQTT 3.1.1 CONNACK code for a refusal decided in MQTT 5 terms, for older clients. */
    static MqttConnectReturnCode forMqtt311(MqttConnectReturnCode code) {
        return switch (code) {
            case CONNECTION_REFUSED_QUOTA_EXCEEDED, CONNECTION_REFUSED_SERVER_BUSY,
                 CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED ->
                    MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
            case CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD -> MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
            default -> code;
        };
    }
}
