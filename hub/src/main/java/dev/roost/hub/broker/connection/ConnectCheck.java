package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;

/**
 * The checks on a CONNECT that come before authentication: protocol violations (the connection is closed
 * without CONNACK) and refusals (CONNACK with a return code, then close).
 */
final class ConnectCheck {

    /** The outcome: a violation to report, or a return code (accepted or not). */
    record Outcome(String violation, MqttConnectReturnCode code) {
        static Outcome violation(String reason) {
            return new Outcome(reason, null);
        }

        static Outcome refuse(MqttConnectReturnCode code) {
            return new Outcome(null, code);
        }

        boolean accepted() {
            return violation == null && code == MqttConnectReturnCode.CONNECTION_ACCEPTED;
        }
    }

    private static final Outcome PASS = new Outcome(null, MqttConnectReturnCode.CONNECTION_ACCEPTED);

    private ConnectCheck() {
    }

    static Outcome check(MqttConnectMessage connect, ConnectRequest request, BrokerConfig config) {
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttConnectPayload payload = connect.payload();
        if (request.mqtt5()) {
            if (request.receiveMaximum() == 0) {
                return Outcome.violation("Receive Maximum 0"); // [MQTT-3.1.2.11.3]
            }
            if (request.maximumPacketSize() == 0) {
                return Outcome.violation("Maximum Packet Size 0"); // [MQTT-3.1.2.11.4]
            }
            if (request.authenticationMethod() != null) {
                // No enhanced authentication here: user name and password (or a token) only.
                return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
            }
        }
        if (!header.isWillFlag() && (header.willQos() != 0 || header.isWillRetain())) {
            return Outcome.violation("will QoS or will retain set without will flag"); // [MQTT-3.1.2-13, -15]
        }
        if (header.isWillFlag() && header.willQos() > 2) {
            return Outcome.violation("will QoS 3"); // [MQTT-3.1.2-14]
        }
        if (!header.hasUserName() && header.hasPassword()) {
            return Outcome.violation("password flag without user name flag"); // [MQTT-3.1.2-22]
        }
        if (header.isWillFlag()) {
            String willTopic = payload.willTopic();
            String problem = Topics.checkName(willTopic, config.maxTopicBytes(), config.maxTopicLevels());
            if (problem != null) {
                return Outcome.violation("will topic: " + problem);
            }
            if (willTopic.startsWith("$")) {
                return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            }
        }
        if (payload.clientIdentifier().isEmpty() && !header.isCleanSession() && !request.mqtt5()) {
            return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED); // [MQTT-3.1.3-8]
        }
        // MQTT 5 clients are told the keepalive to use instead (Server Keep Alive).
        if (!request.mqtt5() && !keepAliveAcceptable(header.keepAliveTimeSeconds(), config)) {
            // 3.1.1 cannot tell a client to use another keepalive; like Mosquitto, refuse the identifier.
            return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        }
        return PASS;
    }

    /** The keepalive an MQTT 5 client is told to use: its own when acceptable, else the nearest allowed. */
    static int serverKeepAlive(int requested, BrokerConfig config) {
        if (keepAliveAcceptable(requested, config)) {
            return requested;
        }
        return config.maxKeepAlive();
    }

    private static boolean keepAliveAcceptable(int keepAlive, BrokerConfig config) {
        if (config.maxKeepAlive() <= 0) {
            return true;
        }
        return keepAlive == 0 ? config.allowZeroKeepAlive() : keepAlive <= config.maxKeepAlive();
    }
}
