package dev.roost.hub.broker.codec;

/**
 * A packet the decoder could not accept, passed on in place of the decoded message so that the connection
 * decides, with its own state at hand, what to answer before it closes.
 *
 * @param cause why decoding failed
 */
public record MalformedPacket(Throwable cause) {
}
