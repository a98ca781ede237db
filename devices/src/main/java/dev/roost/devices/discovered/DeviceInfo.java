package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A discovery config's {@code device} block: what groups entities into one device, and how people name it.
 *
 * @param identifiers the device's ids (a single id is a list of one); empty when the config names none
 */
public record DeviceInfo(List<String> identifiers, String name, String manufacturer, String model,
                         String suggestedArea) {

    public DeviceInfo {
        identifiers = List.copyOf(identifiers);
    }

    static final DeviceInfo NONE = new DeviceInfo(List.of(), null, null, null, null);

    /** Reads the (already expanded) block; a missing or malformed one is {@link #NONE}. */
    static DeviceInfo of(JsonNode device) {
        if (device == null || !device.isObject()) {
            return NONE;
        }
        List<String> ids = new ArrayList<>();
        JsonNode identifiers = device.get("identifiers");
        if (identifiers != null && identifiers.isArray()) {
            identifiers.forEach(id -> {
                if (id.isValueNode() && !id.asText().isEmpty()) {
                    ids.add(id.asText());
                }
            });
        } else if (identifiers != null && identifiers.isValueNode() && !identifiers.asText().isEmpty()) {
            ids.add(identifiers.asText());
        }
        JsonNode connections = device.get("connections");
        if (ids.isEmpty() && connections != null && connections.isArray()) {
            // A device known only by its connections, e.g. [["mac","02:5b:26:a8:dc:12"]].
            connections.forEach(pair -> {
                if (pair.isArray() && pair.size() == 2) {
                    ids.add(pair.get(0).asText() + ":" + pair.get(1).asText());
                }
            });
        }
        return new DeviceInfo(ids, text(device, "name"), text(device, "manufacturer"), text(device, "model"),
                text(device, "suggested_area"));
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? value.asText() : null;
    }
}
