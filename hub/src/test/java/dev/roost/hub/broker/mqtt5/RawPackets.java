package dev.roost.hub.broker.mqtt5;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** MQTT 5 packets written byte by byte, for what a real client library will not send. */
final class RawPackets {

    private RawPackets() {
    }

    /** CONNECT, MQTT 5, clean start, keepalive 60, with a Receive Maximum property. */
    static byte[] connect5(String clientId, int receiveMaximum) {
        return connect5(clientId, receiveMaximum, true, 0);
    }

    /** CONNECT, MQTT 5, keepalive 60, with Receive Maximum and Session Expiry Interval properties. */
    static byte[] connect5(String clientId, int receiveMaximum, boolean cleanStart, int sessionExpiry) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(5);
        body.write(cleanStart ? 0x02 : 0x00);
        body.write(0);
        body.write(60);
        body.write(8); // properties: Receive Maximum, Session Expiry Interval
        body.write(0x21);
        body.write(receiveMaximum >> 8);
        body.write(receiveMaximum & 0xFF);
        body.write(0x11);
        body.write(sessionExpiry >>> 24);
        body.write(sessionExpiry >> 16 & 0xFF);
        body.write(sessionExpiry >> 8 & 0xFF);
        body.write(sessionExpiry & 0xFF);
        string(body, clientId);
        return packet(0x10, body);
    }

    static byte[] connect5(String clientId) {
        return connect5(clientId, 65_535);
    }

    static byte[] subscribe5(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        body.write(0); // no properties
        string(body, filter);
        body.write(qos);
        return packet(0x82, body);
    }

    static byte[] publish5WithAlias(String topic, int alias) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.write(3);
        body.write(0x23);
        body.write(alias >> 8);
        body.write(alias & 0xFF);
        body.writeBytes("x".getBytes(StandardCharsets.UTF_8));
        return packet(0x30, body);
    }

    static byte[] pubAck(int packetId) {
        return new byte[] {0x40, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static byte[] packet(int header, ByteArrayOutputStream body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
