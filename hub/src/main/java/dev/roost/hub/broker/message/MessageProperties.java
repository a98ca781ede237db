package dev.roost.hub.broker.message;

import dev.roost.hub.broker.codec.PropertyValues;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 5 properties an application message carries from its publisher to every subscriber [MQTT-3.3.2-4..20]:
 * payload format, expiry, content type, response topic, correlation data and user properties (in their order).
 * Immutable; the forwarded ones except the expiry (which counts down) are encoded once, when the message arrives.
 */
public final class MessageProperties {

    /** A message without properties, as every MQTT 3.1.1 and in-process message is. */
    public static final MessageProperties NONE = new MessageProperties(false, 0, null, null, null, List.of());

    private static final int PAYLOAD_FORMAT = 0x01;
    private static final int EXPIRY = 0x02;
    private static final int CONTENT_TYPE = 0x03;
    private static final int RESPONSE_TOPIC = 0x08;
    private static final int CORRELATION_DATA = 0x09;
    private static final int USER_PROPERTY = 0x26;

    private final boolean utf8Payload;
    private final long expiresAtMillis;
    private final String contentType;
    private final String responseTopic;
    private final byte[] correlationData;
    private final List<UserProperty> userProperties;
    /** Everything but the expiry, as it goes on the wire. */
    private final byte[] encoded;

    /** One user property: a name and value pair, which may repeat [MQTT-3.3.2-17]. */
    public record UserProperty(String name, String value) {
    }

    /**
     * @param utf8Payload     the publisher said the payload is UTF-8 text (payload format indicator 1)
     * @param expiresAtMillis when the message expires, in epoch milliseconds; 0 for never
     */
    public MessageProperties(boolean utf8Payload, long expiresAtMillis, String contentType, String responseTopic,
                             byte[] correlationData, List<UserProperty> userProperties) {
        this.utf8Payload = utf8Payload;
        this.expiresAtMillis = expiresAtMillis;
        this.contentType = contentType;
        this.responseTopic = responseTopic;
        this.correlationData = correlationData;
        this.userProperties = List.copyOf(userProperties);
        this.encoded = encodeForwarded();
    }

    /** The properties of a received PUBLISH (or will), with the expiry interval counted from {@code nowMillis}. */
    public static MessageProperties from(MqttProperties properties, long nowMillis) {
        if (properties == null || properties.isEmpty()) {
            return NONE;
        }
        List<UserProperty> users = new ArrayList<>();
        for (MqttProperties.MqttProperty<?> p : properties.getProperties(USER_PROPERTY)) {
            if (p instanceof MqttProperties.UserProperties list) {
                list.value().forEach(pair -> users.add(new UserProperty(pair.key, pair.value)));
            } else if (p instanceof MqttProperties.UserProperty single) {
                users.add(new UserProperty(single.value().key, single.value().value));
            }
        }
        long expiry = PropertyValues.unsigned(properties, MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL, -1);
        MessageProperties result = new MessageProperties(
                Integer.valueOf(1).equals(PropertyValues.value(properties, MqttPropertyType.PAYLOAD_FORMAT_INDICATOR)),
                expiry < 0 ? 0 : nowMillis + expiry * 1000,
                (String) PropertyValues.value(properties, MqttPropertyType.CONTENT_TYPE),
                (String) PropertyValues.value(properties, MqttPropertyType.RESPONSE_TOPIC),
                (byte[]) PropertyValues.value(properties, MqttPropertyType.CORRELATION_DATA), users);
        return result.isEmpty() ? NONE : result;
    }

    public boolean isEmpty() {
        return !utf8Payload && expiresAtMillis == 0 && contentType == null && responseTopic == null
                && correlationData == null && userProperties.isEmpty();
    }

    public boolean utf8Payload() {
        return utf8Payload;
    }

    /** Epoch milliseconds when the message expires; 0 when it never does. */
    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    public boolean expired(long nowMillis) {
        return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
    }

    public String contentType() {
        return contentType;
    }

    public String responseTopic() {
        return responseTopic;
    }

    public byte[] correlationData() {
        return correlationData;
    }

    public List<UserProperty> userProperties() {
        return userProperties;
    }

    /**
     * The bytes of these properties in a forwarded PUBLISH, expiry included as the seconds left
     * [MQTT-3.3.2-6]; subscription identifiers are the caller's.
     */
    public int encodedLength() {
        return encoded.length + (expiresAtMillis == 0 ? 0 : 5);
    }

    /** Writes what {@link #encodedLength} counts. */
    public void write(ByteBuf out, long nowMillis) {
        if (expiresAtMillis != 0) {
            out.writeByte(EXPIRY);
            out.writeInt((int) Math.max(1, (expiresAtMillis - nowMillis + 999) / 1000));
        }
        out.writeBytes(encoded);
    }

    private byte[] encodeForwarded() {
        ByteBuf out = Unpooled.buffer();
        try {
            if (utf8Payload) {
                out.writeByte(PAYLOAD_FORMAT).writeByte(1);
            }
            if (contentType != null) {
                writeString(out.writeByte(CONTENT_TYPE), contentType);
            }
            if (responseTopic != null) {
                writeString(out.writeByte(RESPONSE_TOPIC), responseTopic);
            }
            if (correlationData != null) {
                out.writeByte(CORRELATION_DATA).writeShort(correlationData.length).writeBytes(correlationData);
            }
            for (UserProperty user : userProperties) {
                writeString(out.writeByte(USER_PROPERTY), user.name());
                writeString(out, user.value());
            }
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static void writeString(ByteBuf out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length).writeBytes(bytes);
    }
}
