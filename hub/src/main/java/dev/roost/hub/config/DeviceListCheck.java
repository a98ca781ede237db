package dev.roost.hub.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.devices.config.DeviceConfigError;
import dev.roost.devices.config.DeviceConfigValidator;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the {@code devices.list} of a loaded config with the device module's validator and turns each error
 * into a {@code file:line:column: key: reason} line, so a pin used twice or a pin that does not exist points at
 * the line to fix.
 */
final class DeviceListCheck {

    private DeviceListCheck() {
    }

    /** Every problem of the device list, one per line; empty when the list can be used. */
    static String problems(ObjectMapper yaml, Path file, DevicesSettings devices) {
        List<DeviceConfigError> errors = new DeviceConfigValidator().validate(devices.list());
        return errors.stream().map(error -> describe(yaml, file, error)).collect(Collectors.joining("\n"));
    }

    private static String describe(ObjectMapper yaml, Path file, DeviceConfigError error) {
        String item = "[" + error.index() + "]";
        // A missing field has no line of its own: point at the entry's id or type instead, then at the list.
        JsonLocation where = firstFound(yaml, file,
                List.of("devices", "list", item, error.field()),
                List.of("devices", "list", item, "id"),
                List.of("devices", "list", item, "type"),
                List.of("devices", "list"));
        String position = where != null ? ":" + where.getLineNr() + ":" + where.getColumnNr() : "";
        return file + position + ": devices.list" + item + "." + error.field() + ": " + error.reason();
    }

    @SafeVarargs
    private static JsonLocation firstFound(ObjectMapper yaml, Path file, List<String>... paths) {
        for (List<String> path : paths) {
            JsonLocation location = KeyLocator.locate(yaml, file.toFile(), path);
            if (location != null) {
                return location;
            }
        }
        return null;
    }
}
