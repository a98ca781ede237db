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
 */
public record Message(String topic, byte[] topicBytes, byte[] payload, int qos, boolean retain) {

    public static Message of(String topic, byte[] payload, int qos, boolean retain) {
        return new Message(topic, topic.getBytes(StandardCharsets.UTF_8), payload, qos, retain);
    }

    /** The same message with another retain flag, for storing or forwarding. */
    public Message withRetain(boolean flag) {
        return flag == retain ? this : new Message(topic, topicBytes, payload, qos, flag);
    }

    /** Bytes this message pins in memory while queued, used for the broker's memory limit. */
    public int weight() {
        return topicBytes.length + payload.length + 64;
    }
}
