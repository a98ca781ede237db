package dev.roost.web.devices;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** What the web UI reads and commands of the devices; the hub implements it on the device layer. */
public interface DeviceDirectory {

    /** Every device in declaration order, with its last state. */
    List<DeviceView> devices();

    /**
     * Sends a command such as {@code {"state":"ON"}} to a device on behalf of {@code user}, who must be allowed
     * to publish to the device's command topics; a rejected command changes nothing.
     *
     * @return empty when no device has this id
     */
    Optional<CommandResult> command(String user, String id, JsonNode command);

    /** A directory without devices, for a hub that runs none. */
    static DeviceDirectory empty() {
        return new DeviceDirectory() {
            @Override
            public List<DeviceView> devices() {
                return List.of();
            }

            @Override
            public Optional<CommandResult> command(String user, String id, JsonNode command) {
                return Optional.empty();
            }
        };
    }
}
