package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;

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

    static Outcome check(MqttConnectMessage connect, BrokerConfig config) {
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttConnectPayload payload = connect.payload();
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(header.name(), (byte) header.version());
        if (version == MqttVersion.MQTT_5) {
            // This broker speaks 3.1 and 3.1.1 [MQTT-3.1.2-2].
            return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
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
        if (payload.clientIdentifier().isEmpty() && !header.isCleanSession()) {
            return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED); // [MQTT-3.1.3-8]
        }
        if (!keepAliveAcceptable(header.keepAliveTimeSeconds(), config)) {
            // 3.1.1 cannot tell a client to use another keepalive; like Mosquitto, refuse the identifier.
            return Outcome.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        }
        return PASS;
    }

    private static boolean keepAliveAcceptable(int keepAlive, BrokerConfig config) {
        if (config.maxKeepAlive() <= 0) {
            return true;
        }
        return keepAlive == 0 ? config.allowZeroKeepAlive() : keepAlive <= config.maxKeepAlive();
    }
}
