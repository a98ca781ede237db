package dev.roost.hub.broker.codec;

import io.netty.handler.codec.mqtt.MqttProperties;

/** Reading single MQTT 5 properties as netty decodes them. Stateless. */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** The property's value (an Integer, String or byte[]), or null when it is absent. */
    public static Object value(MqttProperties properties, MqttProperties.MqttPropertyType type) {
        MqttProperties.MqttProperty<?> property = properties == null ? null : properties.getProperty(type.value());
        return property == null ? null : property.value();
    }

    /** A four-byte integer property, which MQTT makes unsigned and netty hands over as a (possibly negative) int. */
    public static long unsigned(MqttProperties properties, MqttProperties.MqttPropertyType type, long absent) {
        Object value = value(properties, type);
        return value == null ? absent : Integer.toUnsignedLong((Integer) value);
    }
}
