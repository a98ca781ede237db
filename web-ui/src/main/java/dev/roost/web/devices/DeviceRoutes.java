package dev.roost.web.devices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.web.ApiError;
import dev.roost.web.auth.AuthFilter;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/devices} (every device with state, availability and last-seen time) and
 * {@code POST /api/devices/{id}/command} (a JSON command, answered with the device's new state, a 400 naming
 * the field at fault, a 403 when the user may not publish to the device's command topics, or a 409 when the device
 * is offline; nothing is sent then). Delegates everything to a {@link DeviceDirectory}.
 */
public final class DeviceRoutes {

    private final DeviceDirectory directory;
    private final ObjectMapper json;

    public DeviceRoutes(DeviceDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/api/devices", this::list);
        config.routes.post("/api/devices/{id}/command", this::command);
    }

    private void list(Context ctx) {
        ctx.json(directory.devices().stream().map(DeviceRoutes::body).toList());
    }

    private void command(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode command;
        try {
            command = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("invalid command", null,
                    "the body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        Optional<CommandResult> result = directory.command(AuthFilter.account(ctx).name(), id, command);
        if (result.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("not found", "id", "no device '" + id + "'"));
            return;
        }
        CommandResult done = result.get();
        switch (done.kind()) {
            case OFFLINE -> ctx.status(HttpStatus.CONFLICT).json(new ApiError("device offline", "id", done.detail()));
            case FORBIDDEN -> ctx.status(HttpStatus.FORBIDDEN).json(new ApiError("not permitted", "id",
                    done.detail()));
            case INVALID -> ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("invalid command", done.field(),
                    done.detail()));
            case ACCEPTED -> {
                List<DeviceView> now = directory.devices().stream().filter(d -> d.id().equals(id)).toList();
                ctx.json(now.isEmpty() ? Map.of("id", id) : body(now.get(0)));
            }
        }
    }


    /** The JSON of one device; the time is ISO-8601 text so any client can read it. */
    private static Map<String, Object> body(DeviceView device) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", device.id());
        body.put("type", device.type());
        body.put("name", device.name());
        body.put("state", device.state());
        body.put("online", device.online());
        body.put("lastSeen", device.lastSeen() != null ? device.lastSeen().toString() : null);
        body.put("source", device.source());
        body.put("area", device.area());
        body.put("manufacturer", device.manufacturer());
        body.put("model", device.model());
        body.put("fields", device.fields());
        body.put("problems", device.problems());
        return body;
    }
}
