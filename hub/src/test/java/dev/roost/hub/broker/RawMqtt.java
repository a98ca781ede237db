package dev.roost.hub.broker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw MQTT 3.1.1 client over a plain socket: the test says byte by byte what goes on the wire, and reads
 * back whole packets. Used where a real client library would refuse to misbehave.
 */
public final class RawMqtt implements AutoCloseable {

    /** One packet as received: the first byte and the bytes after the remaining length. */
    public record Packet(int header, byte[] body) {
        public int type() {
            return header >> 4;
        }

        /** The packet id of an acknowledgement (PUBACK, PUBREC, SUBACK...), in the first two bytes. */
        public int packetId() {
            return u16(0);
        }

        public String publishTopic() {
            return new String(body, 2, u16(0), StandardCharsets.UTF_8);
        }

        /** The packet id of a QoS 1/2 PUBLISH, after its topic. */
        public int publishPacketId() {
            return u16(2 + u16(0));
        }

        public String publishPayload() {
            int start = 2 + u16(0) + (((header >> 1) & 3) > 0 ? 2 : 0);
            return new String(body, start, body.length - start, StandardCharsets.UTF_8);
        }

        private int u16(int at) {
            return ((body[at] & 0xff) << 8) | (body[at + 1] & 0xff);
        }
    }

    public static final int CONNACK = 2;
    public static final int PUBLISH = 3;
    public static final int PUBACK = 4;
    public static final int PUBREC = 5;
    public static final int PUBREL = 6;
    public static final int PUBCOMP = 7;
    public static final int SUBACK = 9;
    public static final int UNSUBACK = 11;
    public static final int PINGRESP = 13;

    private final Socket socket;
    private final DataInputStream in;

    public RawMqtt(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Sends CONNECT and expects CONNACK 0; returns the session-present flag. */
    public boolean connect(String clientId, boolean clean, int keepAlive) throws IOException {
        send(connectPacket(clientId, clean, keepAlive));
        Packet connAck = read();
        if (connAck.type() != CONNACK || connAck.body()[1] != 0) {
            throw new AssertionError("expected CONNACK 0, got type " + connAck.type() + " code " + connAck.body()[1]);
        }
        return (connAck.body()[0] & 1) == 1;
    }

    public Packet read() throws IOException {
        int header = in.read();
        if (header < 0) {
            throw new EOFException("connection closed by broker");
        }
        int length = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length += (digit & 0x7f) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(header, body);
    }

    /** True when the broker closed the connection within the socket timeout (reads until end of stream). */
    public boolean closedByBroker() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset also means closed
        }
    }

    /** Fails if any packet arrives within {@code quiet}; the connection stays usable. */
    public void expectSilence(java.time.Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            Packet unexpected = read();
            throw new AssertionError("expected nothing, got packet type " + unexpected.type());
        } catch (SocketTimeoutException expected) {
            // nothing came
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    public InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- packet builders ----

    public static byte[] connectPacket(String clientId, boolean clean, int keepAlive) {
        Bytes variable = new Bytes().string("MQTT").u8(4).u8(clean ? 0x02 : 0).u16(keepAlive).string(clientId);
        return packet(0x10, variable.toArray());
    }

    public static byte[] publishPacket(String topic, String payload, int qos, boolean retain, int packetId) {
        Bytes body = new Bytes().string(topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        body.raw(payload.getBytes(StandardCharsets.UTF_8));
        return packet(0x30 | (qos << 1) | (retain ? 1 : 0), body.toArray());
    }

    public static byte[] subscribePacket(int packetId, String filter, int qos) {
        return packet(0x82, new Bytes().u16(packetId).string(filter).u8(qos).toArray());
    }

    public static byte[] ackPacket(int type, int packetId) {
        int flags = type == PUBREL ? 0x02 : 0;
        return packet((type << 4) | flags, new Bytes().u16(packetId).toArray());
    }

    public static byte[] disconnectPacket() {
        return new byte[] {(byte) 0xE0, 0};
    }

    public static byte[] packet(int header, byte[] body) {
        Bytes out = new Bytes().u8(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            out.u8(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        return out.raw(body).toArray();
    }

    /** A small byte builder for MQTT fields. */
    public static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Bytes u8(int value) {
            out.write(value);
            return this;
        }

        public Bytes u16(int value) {
            out.write(value >> 8);
            out.write(value & 0xff);
            return this;
        }

        public Bytes string(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            u16(bytes.length);
            return raw(bytes);
        }

        public Bytes raw(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }

        public byte[] toArray() {
            return out.toByteArray();
        }
    }
}
