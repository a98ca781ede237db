package dev.roost.hub.broker.persistence;

import dev.roost.hub.broker.message.Message;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of {@link JournalEntry}s in the journal and the snapshot: a type byte, then the fields;
 * strings and payloads as a length and their bytes (UTF-8 for strings). Stable across versions: new kinds of
 * entry get new type bytes, existing ones never change.
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

    private JournalCodec() {
    }

    static void write(JournalEntry entry, DataOutput out) throws IOException {
        if (entry instanceof JournalEntry.Retained e) {
            out.writeByte(RETAINED);
            writeMessage(e.message(), out);
        } else if (entry instanceof JournalEntry.SessionOpened e) {
            out.writeByte(SESSION_OPENED);
            writeString(e.clientId(), out);
        } else if (entry instanceof JournalEntry.SessionEnded e) {
            out.writeByte(SESSION_ENDED);
            writeString(e.clientId(), out);
        } else if (entry instanceof JournalEntry.Subscribed e) {
            out.writeByte(SUBSCRIBED);
            writeString(e.clientId(), out);
            writeString(e.filter(), out);
            out.writeByte(e.qos());
        } else if (entry instanceof JournalEntry.Unsubscribed e) {
            out.writeByte(UNSUBSCRIBED);
            writeString(e.clientId(), out);
            writeString(e.filter(), out);
        } else if (entry instanceof JournalEntry.OutgoingQueued e) {
            out.writeByte(OUTGOING_QUEUED);
            writeString(e.clientId(), out);
            out.writeLong(e.id());
            writeMessage(e.message(), out);
            out.writeByte(e.qos());
            out.writeBoolean(e.retainFlag());
            out.writeShort(e.packetId());
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

    /** The next entry, or null at the end of the input. */
    static JournalEntry read(DataInput in) throws IOException {
        int type;
        try {
            type = in.readUnsignedByte();
        } catch (EOFException end) {
            return null;
        }
        return switch (type) {
            case RETAINED -> new JournalEntry.Retained(readMessage(in));
            case SESSION_OPENED -> new JournalEntry.SessionOpened(readString(in));
            case SESSION_ENDED -> new JournalEntry.SessionEnded(readString(in));
            case SUBSCRIBED -> new JournalEntry.Subscribed(readString(in), readString(in), in.readUnsignedByte());
            case UNSUBSCRIBED -> new JournalEntry.Unsubscribed(readString(in), readString(in));
            case OUTGOING_QUEUED -> new JournalEntry.OutgoingQueued(readString(in), in.readLong(), readMessage(in),
                    in.readUnsignedByte(), in.readBoolean(), in.readUnsignedShort());
            case OUTGOING_SENT -> new JournalEntry.OutgoingSent(readString(in), in.readLong(), in.readUnsignedShort());
            case OUTGOING_RELEASED -> new JournalEntry.OutgoingReleased(readString(in), in.readLong());
            case OUTGOING_DONE -> new JournalEntry.OutgoingDone(readString(in), in.readLong());
            case INCOMING_QOS2 -> new JournalEntry.IncomingQos2(readString(in), in.readUnsignedShort());
            case INCOMING_RELEASED -> new JournalEntry.IncomingReleased(readString(in), in.readUnsignedShort());
            default -> throw new IOException("unknown journal entry type " + type);
        };
    }

    private static void writeMessage(Message message, DataOutput out) throws IOException {
        out.writeInt(message.topicBytes().length);
        out.write(message.topicBytes());
        out.writeInt(message.payload().length);
        out.write(message.payload());
        out.writeByte(message.qos());
        out.writeBoolean(message.retain());
    }

    private static Message readMessage(DataInput in) throws IOException {
        byte[] topic = readBytes(in);
        byte[] payload = readBytes(in);
        int qos = in.readUnsignedByte();
        boolean retain = in.readBoolean();
        return new Message(new String(topic, StandardCharsets.UTF_8), topic, payload, qos, retain);
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
