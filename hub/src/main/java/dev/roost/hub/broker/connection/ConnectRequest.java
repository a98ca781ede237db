package dev.roost.hub.broker.connection;

import dev.roost.hub.broker.persistence.JournalEntry;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;

import static dev.roost.hub.broker.codec.PropertyValues.unsigned;
import static dev.roost.hub.broker.codec.PropertyValues.value;

/**
 * What a CONNECT asks of the session and the connection, in MQTT 5 terms; an MQTT 3.1.1 CONNECT has the same
 * meaning expressed with its clean session flag alone (clean: start afresh and end with the connection;
 * otherwise: resume and never expire).
 *
 * @param sessionExpiry        seconds the session outlives the connection; {@link JournalEntry.SessionExpiry#NEVER}
 * @param receiveMaximum       QoS 1/2 messages the client takes unacknowledged at once [MQTT-3.1.2.11.3]
 * @param maximumPacketSize    the largest packet the client takes [MQTT-3.1.2.11.4]
 * @param willDelaySeconds     how long after the connection ends the will waits [MQTT-3.1.3.2.2]
 * @param authenticationMethod MQTT 5 enhanced authentication, which this broker does not offer; null when absent
 */
record ConnectRequest(MqttVersion version, boolean cleanStart, long sessionExpiry, int receiveMaximum,
                      int maximumPacketSize, long willDelaySeconds, String authenticationMethod) {

    static ConnectRequest of(MqttConnectMessage connect) {
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                (byte) connect.variableHeader().version());
        boolean clean = connect.variableHeader().isCleanSession();
        if (version != MqttVersion.MQTT_5) {
            return new ConnectRequest(version, clean, clean ? 0 : JournalEntry.SessionExpiry.NEVER, 65_535,
                    Integer.MAX_VALUE, 0, null);
        }
        MqttProperties properties = connect.variableHeader().properties();
        MqttProperties will = connect.payload().willProperties();
        return new ConnectRequest(version, clean,
                unsigned(properties, MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL, 0),
                (int) unsigned(properties, MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM, 65_535),
                (int) Math.min(Integer.MAX_VALUE,
                        unsigned(properties, MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE, Integer.MAX_VALUE)),
                will == null ? 0 : unsigned(will, MqttProperties.MqttPropertyType.WILL_DELAY_INTERVAL, 0),
                (String) value(properties, MqttProperties.MqttPropertyType.AUTHENTICATION_METHOD));
    }

    boolean mqtt5() {
        return version == MqttVersion.MQTT_5;
    }
}
