package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entity's discovery config as Home Assistant reads it: keys expanded, {@code ~} replaced, and for a
 * device-based config the shared options merged in.
 *
 * @param discoveryId Home Assistant's id of the entity, stable across updates of its config
 * @param component   {@code sensor}, {@code light}, ... (any name; unknown ones are listed read-only)
 * @param nodeId      the node level of its topic, or for device-based discovery the device config's object id;
 *                    null when there is none
 * @param objectId    the object level of its topic, or the component's key in a device-based config
 */
public record EntityConfig(String discoveryId, String component, String nodeId, String objectId, ObjectNode config) {
}
