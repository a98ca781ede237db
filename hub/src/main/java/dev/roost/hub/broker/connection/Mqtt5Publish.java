package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.codec.PropertyValues;
import dev.roost.hub.broker.subscription.Topics;
import io.netty.handler.codec.mqtt.MqttProperties;

/** The checks on the properties of an MQTT 5 PUBLISH from a client that make it a protocol error. */
final class Mqtt5Publish {

    private Mqtt5Publish() {
    }

    /** What is wrong with the properties, or null; a problem with a topic alias starts with "topic alias". */
    static String violation(MqttProperties properties, BrokerConfig config) {
        Object alias = PropertyValues.value(properties, MqttProperties.MqttPropertyType.TOPIC_ALIAS);
        if (alias != null) {
            // CONNACK said Topic Alias Maximum 0 [MQTT-3.3.2-9].
            return "topic alias " + alias + " sent, but this broker takes none";
        }
        if (PropertyValues.value(properties, MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER) != null) {
            return "subscription identifier in a PUBLISH from a client"; // [MQTT-3.3.4-6]
        }
        Object responseTopic = PropertyValues.value(properties, MqttProperties.MqttPropertyType.RESPONSE_TOPIC);
        if (responseTopic != null) {
            String problem = Topics.checkName((String) responseTopic, config.maxTopicBytes(),
                    config.maxTopicLevels());
            if (problem != null) {
                return "response topic: " + problem; // [MQTT-3.3.2-14]
            }
        }
        return null;
    }
}
