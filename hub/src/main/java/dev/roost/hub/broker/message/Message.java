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

    /**
     * Bytes this message pins in the heap while queued, for the broker's memory limit: the payload; the topic twice
     * (as a string and as bytes); the properties twice (decoded and encoded); and about 160 bytes of objects
     * around them (this record, the queue's entry, array and string headers, with compressed pointers). A topic
     * its publisher repeats is shared between messages, so for those this errs on the heap's side. (Counting 64
     * bytes for all but payload and topic fell short by up to half for small messages with topics of their own.)
     */
    public int weight() {
        return payload.length + 2 * topicBytes.length + 2 * properties.encodedLength() + 160;
    }
}
