package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;
import dev.roost.hub.broker.message.MessageProperties;
import dev.roost.hub.broker.subscription.SubscriptionOptions;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of {@link JournalEntry}s in the journal and the snapshot: a type byte, then the fields;
 * strings and payloads as a length and their bytes (UTF-8 for strings). Stable across versions: new kinds of
 * entry get new type bytes, existing ones never change. What MQTT 5 added (message properties, subscription
 * options and identifiers) has types of its own, written only when there is something of it to keep.
 */
final class JournalCodec {

    private static final int RETAINED = 1;
    private static final int SESSION_OPENED = 2;
    private static final int SESSION_ENDED = 3;
    private static final int SUBSCRIBED = 4;
    private static final int UNSUBSCRIBED = 5;
    private static final int OUTGOING_QUEUED = 6;
    private static final int OUTGOING_SENT = 7;
    private static final int OUTGOING_RELEASED = 8;
    private static final int OUTGOING_DONE = 9;
    private static final int INCOMING_QOS2 = 10;
    private static final int INCOMING_RELEASED = 11;
    private static final int SUBSCRIBED_5 = 12;
    private static final int OUTGOING_QUEUED_5 = 13;
    private static final int RETAINED_5 = 14;
    private static final int SESSION_EXPIRY = 15;

    private JournalCodec() {
    }

    static void write(JournalEntry entry, DataOutput out) throws IOException {
        if (entry instanceof JournalEntry.Retained e) {
            boolean mqtt5 = !e.message().properties().isEmpty();
            out.writeByte(mqtt5 ? RETAINED_5 : RETAINED);
            writeMessage(e.message(), mqtt5, out);
        } else if (entry instanceof JournalEntry.SessionOpened e) {
            out.writeByte(SESSION_OPENED);
            writeString(e.clientId(), out);
        } else if (entry instanceof JournalEntry.SessionEnded e) {
            out.writeByte(SESSION_ENDED);
            writeString(e.clientId(), out);
        } else if (entry instanceof JournalEntry.SessionExpiry e) {
            out.writeByte(SESSION_EXPIRY);
            writeString(e.clientId(), out);
            out.writeLong(e.seconds());
        } else if (entry instanceof JournalEntry.Subscribed e) {
            writeSubscribed(e, out);
        } else if (entry instanceof JournalEntry.Unsubscribed e) {
            out.writeByte(UNSUBSCRIBED);
            writeString(e.clientId(), out);
            writeString(e.filter(), out);
        } else if (entry instanceof JournalEntry.OutgoingQueued e) {
            writeOutgoingQueued(e, out);
        } else if (entry instanceof JournalEntry.OutgoingSent e) {
            out.writeByte(OUTGOING_SENT);
            writeString(e.clientId(), out);
            out.writeLong(e.id());
            out.writeShort(e.packetId());
        } else if (entry instanceof JournalEntry.OutgoingReleased e) {
            out.writeByte(OUTGOING_RELEASED);
            writeString(e.clientId(), out);
            out.writeLong(e.id());
        } else if (entry instanceof JournalEntry.OutgoingDone e) {
            out.writeByte(OUTGOING_DONE);
            writeString(e.clientId(), out);
            out.writeLong(e.id());
        } else if (entry instanceof JournalEntry.IncomingQos2 e) {
            out.writeByte(INCOMING_QOS2);
            writeString(e.clientId(), out);
            out.writeShort(e.packetId());
        } else if (entry instanceof JournalEntry.IncomingReleased e) {
            out.writeByte(INCOMING_RELEASED);
            writeString(e.clientId(), out);
            out.writeShort(e.packetId());
        } else {
            throw new IllegalArgumentException("no binary form for " + entry);
        }
    }

    private static void writeSubscribed(JournalEntry.Subscribed e, DataOutput out) throws IOException {
        SubscriptionOptions options = e.options();
        boolean mqtt5 = !options.equals(SubscriptionOptions.qos(options.qos()));
        out.writeByte(mqtt5 ? SUBSCRIBED_5 : SUBSCRIBED);
        writeString(e.clientId(), out);
        writeString(e.filter(), out);
        if (mqtt5) {
            out.writeByte(options.optionByte());
            out.writeInt(options.identifier());
        } else {
            out.writeByte(options.qos());
        }
    }

    private static void writeOutgoingQueued(JournalEntry.OutgoingQueued e, DataOutput out) throws IOException {
        boolean mqtt5 = !e.message().properties().isEmpty() || e.subscriptionIds().length > 0;
        out.writeByte(mqtt5 ? OUTGOING_QUEUED_5 : OUTGOING_QUEUED);
        writeString(e.clientId(), out);
        out.writeLong(e.id());
        writeMessage(e.message(), mqtt5, out);
        out.writeByte(e.qos());
        out.writeBoolean(e.retainFlag());
        out.writeShort(e.packetId());
        if (mqtt5) {
            out.writeShort(e.subscriptionIds().length);
            for (int id : e.subscriptionIds()) {
                out.writeInt(id);
            }
        }
    }

    /** The next entry, or null at the end of the input. */
    static JournalEntry read(DataInput in) throws IOException {
        int type;
        try {
            type = in.readUnsignedByte();
        } catch (EOFException end) {
            return null;
        }
        return switch (type) {
            case RETAINED -> new JournalEntry.Retained(readMessage(in, false));
            case RETAINED_5 -> new JournalEntry.Retained(readMessage(in, true));
            case SESSION_OPENED -> new JournalEntry.SessionOpened(readString(in));
            case SESSION_ENDED -> new JournalEntry.SessionEnded(readString(in));
            case SESSION_EXPIRY -> new JournalEntry.SessionExpiry(readString(in), in.readLong());
            case SUBSCRIBED -> new JournalEntry.Subscribed(readString(in), readString(in),
                    SubscriptionOptions.qos(checkedQos(in.readUnsignedByte())));
            case SUBSCRIBED_5 -> new JournalEntry.Subscribed(readString(in), readString(in),
                    SubscriptionOptions.fromOptionByte(in.readUnsignedByte(), in.readInt()));
            case UNSUBSCRIBED -> new JournalEntry.Unsubscribed(readString(in), readString(in));
            case OUTGOING_QUEUED -> new JournalEntry.OutgoingQueued(readString(in), in.readLong(),
                    readMessage(in, false), in.readUnsignedByte(), in.readBoolean(), in.readUnsignedShort());
            case OUTGOING_QUEUED_5 -> new JournalEntry.OutgoingQueued(readString(in), in.readLong(),
                    readMessage(in, true), in.readUnsignedByte(), in.readBoolean(), in.readUnsignedShort(),
                    readInts(in));
            case OUTGOING_SENT -> new JournalEntry.OutgoingSent(readString(in), in.readLong(), in.readUnsignedShort());
            case OUTGOING_RELEASED -> new JournalEntry.OutgoingReleased(readString(in), in.readLong());
            case OUTGOING_DONE -> new JournalEntry.OutgoingDone(readString(in), in.readLong());
            case INCOMING_QOS2 -> new JournalEntry.IncomingQos2(readString(in), in.readUnsignedShort());
            case INCOMING_RELEASED -> new JournalEntry.IncomingReleased(readString(in), in.readUnsignedShort());
            default -> throw new IOException("unknown journal entry type " + type);
        };
    }

    private static int checkedQos(int qos) throws IOException {
        if (qos > 2) {
            throw new IOException("QoS " + qos + " in the journal");
        }
        return qos;
    }

    private static void writeMessage(Message message, boolean withProperties, DataOutput out) throws IOException {
        out.writeInt(message.topicBytes().length);
        out.write(message.topicBytes());
        out.writeInt(message.payload().length);
        out.write(message.payload());
        out.writeByte(message.qos());
        out.writeBoolean(message.retain());
        if (withProperties) {
            writeProperties(message.properties(), out);
        }
    }

    private static Message readMessage(DataInput in, boolean withProperties) throws IOException {
        byte[] topic = readBytes(in);
        byte[] payload = readBytes(in);
        int qos = in.readUnsignedByte();
        boolean retain = in.readBoolean();
        MessageProperties properties = withProperties ? readProperties(in) : MessageProperties.NONE;
        return new Message(new String(topic, StandardCharsets.UTF_8), topic, payload, qos, retain, properties);
    }

    /** The expiry is kept as the instant it expires, so time spent stopped counts too. */
    private static void writeProperties(MessageProperties p, DataOutput out) throws IOException {
        out.writeBoolean(p.utf8Payload());
        out.writeLong(p.expiresAtMillis());
        writeNullableString(p.contentType(), out);
        writeNullableString(p.responseTopic(), out);
        out.writeBoolean(p.correlationData() != null);
        if (p.correlationData() != null) {
            out.writeInt(p.correlationData().length);
            out.write(p.correlationData());
        }
        out.writeInt(p.userProperties().size());
        for (MessageProperties.UserProperty user : p.userProperties()) {
            writeString(user.name(), out);
            writeString(user.value(), out);
        }
    }

    private static MessageProperties readProperties(DataInput in) throws IOException {
        boolean utf8 = in.readBoolean();
        long expiresAt = in.readLong();
        String contentType = readNullableString(in);
        String responseTopic = readNullableString(in);
        byte[] correlation = in.readBoolean() ? readBytes(in) : null;
        int users = in.readInt();
        if (users < 0 || users > 1_000_000) {
            throw new IOException("implausible user property count " + users + " in the journal");
        }
        List<MessageProperties.UserProperty> userProperties = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            userProperties.add(new MessageProperties.UserProperty(readString(in), readString(in)));
        }
        return new MessageProperties(utf8, expiresAt, contentType, responseTopic, correlation, userProperties);
    }

    private static int[] readInts(DataInput in) throws IOException {
        int[] values = new int[in.readUnsignedShort()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeNullableString(String value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(value, out);
        }
    }

    private static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    private static void writeString(String value, DataOutput out) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 256 * 1024 * 1024) {
            throw new IOException("implausible length " + length + " in the journal");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
