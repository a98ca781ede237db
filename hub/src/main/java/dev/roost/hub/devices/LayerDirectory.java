package dev.roost.hub.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.DeviceLayer;
import dev.roost.devices.bridge.DeviceSnapshot;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.web.devices.CommandResult;
import dev.roost.web.devices.DeviceDirectory;
import dev.roost.web.devices.DeviceView;

import java.util.List;
import java.util.Optional;

/** The web UI's {@link DeviceDirectory}, answered by the running device layer. */
public final class LayerDirectory implements DeviceDirectory {

    private final DeviceLayer layer;

    public LayerDirectory(DeviceLayer layer) {
        this.layer = layer;
    }

    @Override
    public List<DeviceView> devices() {
        return layer.snapshots().stream().map(LayerDirectory::view).toList();
    }

    @Override
    public Optional<CommandResult> command(String id, JsonNode command) {
        return layer.command(id, command).map(LayerDirectory::result);
    }

    private static DeviceView view(DeviceSnapshot s) {
        return new DeviceView(s.id(), s.type(), s.name(), s.state(), s.online(), s.lastSeen(), s.source(), s.area(),
                s.manufacturer(), s.model(), s.fields().stream().map(f -> new DeviceView.Field(f.key(), f.component(),
                        f.name(), f.unit(), f.deviceClass(), f.commandable())).toList(), s.problems());
    }

    private static CommandResult result(CommandOutcome outcome) {
        if (outcome.unavailable()) {
            return CommandResult.offline(outcome.detail());
        }
        return outcome.accepted() ? CommandResult.ok() : CommandResult.rejected(outcome.field(), outcome.detail());
    }
}
