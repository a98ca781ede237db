package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.devices.bridge.DeviceSnapshot;
import dev.roost.devices.command.CommandReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One device as discovery announced it: its entities grouped by the config's {@code device} identifiers, each
 * under a key of its own. The main entity (the first controllable one of lock, climate, cover, light, switch ...)
 * speaks Roost's vocabulary at the top of the state ({@code state}, {@code brightness}); every other entity is one
 * field under its key ({@code "battery":97}, {@code "child_lock":"LOCKED"}), or an object of its values when it has
 * several.
 *
 * <p>Confined to the discovery thread, except {@link #planCommand}, which reads entities' final fields only.
 */
final class DiscoveredDevice {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final Map<String, Entity> byKey = new LinkedHashMap<>();
    private Instant lastSeen;

    DiscoveredDevice(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    Iterable<Entity> entities() {
        return byKey.values();
    }

    /** Adds an entity under a key unique in this device, or replaces the one with the same discovery id. */
    void put(Entity entity) {
        for (Map.Entry<String, Entity> known : byKey.entrySet()) {
            if (known.getValue().discoveryId().equals(entity.discoveryId())) {
                known.setValue(entity);
                return;
            }
        }
        String base = key(entity);
        String key = base;
        for (int n = 2; byKey.containsKey(key); n++) {
            key = base + "_" + n;
        }
        byKey.put(key, entity);
    }

    void remove(String discoveryId) {
        byKey.values().removeIf(entity -> entity.discoveryId().equals(discoveryId));
    }

    void seen(Instant at) {
        lastSeen = at;
    }

    /** The entity commands without a key go to, if any can be commanded. */
    Optional<Entity> main() {
        return byKey.values().stream().filter(Entity::controllable).min(Comparator.comparingInt(Entity::controlRank));
    }

    DeviceSnapshot snapshot() {
        Entity main = main().orElse(null);
        Entity first = byKey.values().iterator().next();
        DeviceInfo info = first.device();
        Map<String, Object> state = new LinkedHashMap<>();
        List<DeviceSnapshot.Field> fields = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean online = false;
        if (main != null) {
            state.putAll(main.values());
        }
        for (Map.Entry<String, Entity> entry : byKey.entrySet()) {
            Entity entity = entry.getValue();
            online |= entity.available();
            entity.problems().forEach(p -> problems.add(entry.getKey() + ": " + p));
            if (entity.lastError() != null) {
                problems.add(entry.getKey() + ": " + entity.lastError());
            }
            if (entity == main) {
                fields.add(new DeviceSnapshot.Field(entity.mainField(), entity.component(), label(entity, info),
                        entity.unit(), entity.deviceClass(), true));
                continue;
            }
            Map<String, Object> values = entity.values();
            if (values.size() == 1 && values.containsKey(entity.mainField())) {
                state.put(entry.getKey(), values.get(entity.mainField()));
            } else if (!values.isEmpty()) {
                state.put(entry.getKey(), values);
            }
            fields.add(new DeviceSnapshot.Field(entry.getKey(), entity.component(), label(entity, info),
                    entity.unit(), entity.deviceClass(), entity.controllable()));
        }
        String type = main != null ? main.component() : readOnlyType();
        String name = info.name() != null ? info.name() : first.name() != null ? first.name() : id;
        return new DeviceSnapshot(id, type, name, state, online, lastSeen, DeviceSnapshot.DISCOVERY,
                info.suggestedArea(), info.manufacturer(), info.model(), fields, problems);
    }

    /**
     * The messages a command becomes. Fields of the main entity's vocabulary go to it; a field named after another
     * entity's key sets that entity's main value ({@code {"child_lock":"LOCK"}}).
     *
     * @throws CommandReader.Invalid naming the field that does not fit
     */
    Planned planCommand(JsonNode command) {
        if (command == null || !command.isObject() || command.isEmpty()) {
            throw new CommandReader.Invalid(null, "a command is a JSON object such as {\"state\":\"ON\"}");
        }
        Entity main = main().orElse(null);
        ObjectNode forMain = JSON.createObjectNode();
        List<Outgoing> messages = new ArrayList<>();
        List<Entity> targets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = command.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Entity keyed = byKey.get(field.getKey());
            if (keyed != null && keyed != main) {
                if (!keyed.controllable()) {
                    throw new CommandReader.Invalid(field.getKey(), "is read-only");
                }
                messages.addAll(keyed.command(JSON.createObjectNode().set(keyed.mainField(), field.getValue())));
                targets.add(keyed);
            } else if (main != null) {
                forMain.set(field.getKey(), field.getValue());
            } else {
                throw new CommandReader.Invalid(field.getKey(), "unknown field; this device can be commanded through "
                        + commandable());
            }
        }
        if (!forMain.isEmpty()) {
            messages.addAll(0, main.command(forMain));
            targets.add(0, main);
        }
        return new Planned(messages, targets);
    }

    /** What a command turns into, and the entities it addresses (each must be available). */
    record Planned(List<Outgoing> messages, List<Entity> targets) {
    }

    private List<String> commandable() {
        return byKey.entrySet().stream().filter(e -> e.getValue().controllable()).map(Map.Entry::getKey).toList();
    }

    private String readOnlyType() {
        for (String component : List.of("binary_sensor", "sensor")) {
            for (Entity entity : byKey.values()) {
                if (entity.component().equals(component)) {
                    return component;
                }
            }
        }
        return byKey.values().iterator().next().component();
    }

    private static String label(Entity entity, DeviceInfo info) {
        return entity.name() != null ? entity.name() : info.name();
    }

    /** The entity's object id as a field name: lower case, its node's or device's id taken off the front. */
    private static String key(Entity entity) {
        String key = slug(entity.objectId());
        List<String> prefixes = new ArrayList<>();
        if (entity.nodeId() != null) {
            prefixes.add(slug(entity.nodeId()));
        }
        entity.device().identifiers().forEach(id -> prefixes.add(slug(id)));
        for (String prefix : prefixes) {
            if (!prefix.isEmpty() && key.startsWith(prefix + "_") && key.length() > prefix.length() + 1) {
                key = key.substring(prefix.length() + 1);
            }
        }
        return key.isEmpty() ? entity.component() : key;
    }

    static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return lower.replaceAll("^_+|_+$", "");
    }
}
