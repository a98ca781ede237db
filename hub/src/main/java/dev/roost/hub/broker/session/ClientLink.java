package dev.roost.hub.broker.session;

import dev.roost.hub.broker.message.Delivery;
import dev.roost.hub.broker.message.Message;

/**
 * The live network connection a session sends through while its client is connected. It knows the client's
 * protocol version and limits, so it decides how a PUBLISH is encoded.
 */
public interface ClientLink {

    /** Whether the socket can take more bytes now; when false, QoS 1/2 messages wait in the session. */
    boolean writable();

    /** Bytes written but not yet taken by the socket. */
    long bufferedBytes();

    /** QoS 1/2 messages the client accepts unacknowledged at once (MQTT 5 Receive Maximum), beyond the broker's own. */
    int receiveMaximum();

    /**
     * Whether the PUBLISH of this message fits the client's Maximum Packet Size (MQTT 5). One that does not is
     * dropped as if it had been delivered [MQTT-3.1.2-25].
     */
    boolean fits(Message message, int qos, int[] subscriptionIds);

    /**
     * Writes a PUBLISH; flushing is batched by the link.
     *
     * @param delivery the fan-out the message is part of, whose encoded parts are shared; null when re-sending
     */
    void writePublish(Delivery delivery, Message message, int qos, boolean retain, boolean dup, int packetId,
                      int[] subscriptionIds);

    void writePubRel(int packetId);

    /** Ends the connection because another connection took the session over [MQTT-3.1.4-2]. */
    void closeTakenOver();
}
