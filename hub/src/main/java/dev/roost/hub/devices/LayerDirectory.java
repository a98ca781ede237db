package dev.roost.hub.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.DeviceLayer;
import dev.roost.devices.bridge.DeviceSnapshot;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.broker.auth.TopicPermissions;
import dev.roost.web.devices.CommandResult;
import dev.roost.web.devices.DeviceDirectory;
import dev.roost.web.devices.DeviceView;

import java.util.List;
import java.util.Optional;

/**
 * The web UI's {@link DeviceDirectory}, answered by the running device layer. A command from the web is a publish
 * to the device's command topics in the user's name, so it is checked against the same topic permissions as the
 * user's MQTT clients: a user allowed only {@code home/lights/#} cannot unlock the door from the phone either.
 */
public final class LayerDirectory implements DeviceDirectory {

    /** The client id web commands are checked under, for rules that name {@code %c}. */
    static final String WEB_CLIENT = "roost-web";

    private final DeviceLayer layer;
    private final TopicPermissions permissions;

    public LayerDirectory(DeviceLayer layer, TopicPermissions permissions) {
        this.layer = layer;
        this.permissions = permissions;
    }

    @Override
    public List<DeviceView> devices() {
        return layer.snapshots().stream().map(LayerDirectory::view).toList();
    }

    @Override
    public Optional<CommandResult> command(String user, String id, JsonNode command) {
        ClientIdentity sender = new ClientIdentity(user, WEB_CLIENT);
        return layer.command(id, command, topic -> permissions.mayPublish(sender, topic))
                .map(LayerDirectory::result);
    }

    private static DeviceView view(DeviceSnapshot s) {
        return new DeviceView(s.id(), s.type(), s.name(), s.state(), s.online(), s.lastSeen(), s.source(), s.area(),
                s.manufacturer(), s.model(), s.fields().stream().map(f -> new DeviceView.Field(f.key(), f.component(),
                        f.name(), f.unit(), f.deviceClass(), f.commandable())).toList(), s.problems());
    }

    private static CommandResult result(CommandOutcome outcome) {
        return switch (outcome.kind()) {
            case ACCEPTED -> CommandResult.ok();
            case INVALID -> CommandResult.rejected(outcome.field(), outcome.detail());
            case OFFLINE -> CommandResult.offline(outcome.detail());
            case FORBIDDEN -> CommandResult.forbidden(outcome.detail());
        };
    }
}
