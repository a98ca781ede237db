package dev.roost.hub.broker.session;

import dev.roost.hub.broker.message.Message;

/**
 * A QoS 1/2 message waiting for room in the client's in-flight window (or for the client to return).
 *
 * @param id              the session's number for this message, under which the journal keeps it
 * @param subscriptionIds the MQTT 5 subscription identifiers it goes out with
 */
record QueuedMessage(long id, Message message, int qos, boolean retainFlag, int[] subscriptionIds) {
}
