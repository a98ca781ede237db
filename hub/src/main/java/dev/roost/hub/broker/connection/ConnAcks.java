package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;

/** The CONNACK packets of this broker, in the client's protocol version. */
final class ConnAcks {

    private ConnAcks() {
    }

    /**
     * Acceptance. An MQTT 5 client also learns the broker's limits and the features it lacks (topic aliases from
     * clients, shared subscriptions), the client id assigned to it [MQTT-3.2.2-16] and the keepalive to use
     * when it is not its own [MQTT-3.2.2-21].
     *
     * @param assignedId the client id the broker chose, or null when the client gave one
     */
    static MqttConnAckMessage accepted(ConnectRequest request, BrokerConfig config, boolean sessionPresent,
                                       String assignedId, int keepAlive, int serverKeepAlive) {
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (request.mqtt5()) {
            MqttMessageBuilders.ConnAckPropertiesBuilder builder = new MqttMessageBuilders.ConnAckPropertiesBuilder()
                    .maximumPacketSize(config.maxPacketSize())
                    .retainAvailable(true) // netty's builder would otherwise say 0
                    .topicAliasMaximum(0)
                    .sharedSubscriptionAvailable(false);
            if (assignedId != null) {
                builder.assignedClientId(assignedId);
            }
            if (serverKeepAlive != keepAlive) {
                builder.serverKeepAlive(serverKeepAlive);
            }
            properties = builder.build();
        }
        return MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(sessionPresent).properties(properties).build();
    }

    /**
     * A refusal, decided in either protocol's terms and sent in the client's; it always says "no session
     * present" [MQTT-3.2.2-4].
     */
    static MqttConnAckMessage refused(boolean mqtt5, MqttConnectReturnCode code) {
        MqttConnectReturnCode sent = mqtt5 ? ReasonCodes.forMqtt5(code) : ReasonCodes.forMqtt311(code);
        return MqttMessageBuilders.connAck().returnCode(sent).sessionPresent(false).build();
    }
}
