package dev.roost.hub.broker.message;

import java.nio.charset.StandardCharsets;

/**
 * One application message as the broker routes it: immutable, with its topic already encoded, so that
 * fan-out to many subscribers serialises it once and shares the bytes.
 *
 * @param topic      the topic name
 * @param topicBytes the topic in UTF-8, as it goes on the wire
 * @param payload    the payload; never modified after construction
 * @param qos        the QoS it was published with
 * @param retain     whether it was published with the RETAIN flag
 * @param properties what an MQTT 5 publisher attached, forwarded to MQTT 5 subscribers; {@link MessageProperties#NONE}
 *                   otherwise
 */
public record Message(String topic, byte[] topicBytes, byte[] payload, int qos, boolean retain,
                      MessageProperties properties) {

    public static Message of(String topic, byte[] payload, int qos, boolean retain) {
        return of(topic, payload, qos, retain, MessageProperties.NONE);
    }

    public static Message of(String topic, byte[] payload, int qos, boolean retain, MessageProperties properties) {
        return new Message(topic, topic.getBytes(StandardCharsets.UTF_8), payload, qos, retain, properties);
    }

    /** The same message with another retain flag, for storing or forwarding. */
    public Message withRetain(boolean flag) {
        return flag == retain ? this : new Message(topic, topicBytes, payload, qos, flag, properties);
    }

    /** Whether its publisher set an expiry that has passed: it is then delivered to nobody [MQTT-3.3.2-5]. */
    public boolean expired(long nowMillis) {
        return properties.expired(nowMillis);
    }

    /** Bytes this message pins in memory while queued, used for the broker's memory limit. */
    public int weight() {
        return topicBytes.length + payload.length + 64 + properties.encodedLength();
    }
}
