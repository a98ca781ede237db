package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.devices.bridge.DeviceSnapshot;
import dev.roost.devices.bus.DeviceBus;
import dev.roost.devices.bus.Subscription;
import dev.roost.devices.command.CommandReader;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.discovered.component.Components;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The devices that announce themselves through Home Assistant MQTT discovery: listens to
 * {@code <prefix>/.../config}, builds each announced entity, groups entities into devices, follows their state and
 * availability topics, and turns Roost commands into the payloads each device's config asks for.
 *
 * <p>Threading: every message arrives on the bus's delivery thread, which alone changes the devices;
 * {@link #snapshots()} and {@link #command} may be called from any thread and read immutable snapshots and
 * entities' final fields.
 */
public final class DiscoveredDevices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscoveredDevices.class);
    /** The node Roost's own discovery configs are published under, so they are not read back as new devices. */
    private static final String OWN_NODE = "roost";
    /** A state payload larger than this is not kept for entities added later; it is still read. */
    private static final int MAX_KEPT_PAYLOAD = 4_096;

    private final DeviceBus bus;
    private final String prefix;
    private final Clock clock;
    private final Predicate<String> takenId;
    private final Consumer<DeviceSnapshot> changed;
    private final ConfigReader reader = new ConfigReader(new ObjectMapper(), Abbreviations.homeAssistant());
    private final ObjectMapper json = new ObjectMapper();

    // Confined to the delivery thread.
    private final Map<String, Set<String>> entitiesOfConfigTopic = new HashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, DiscoveredDevice> deviceOfEntity = new HashMap<>();
    private final Map<String, DiscoveredDevice> devices = new LinkedHashMap<>();
    private final Map<String, String> deviceIdOfGroup = new HashMap<>();
    private final Map<String, Set<Entity>> entitiesOfTopic = new HashMap<>();
    private final Map<String, Subscription> stateSubscriptions = new HashMap<>();
    private final Map<String, byte[]> lastPayload = new HashMap<>();
    private final Map<String, String> reported = new HashMap<>();

    private final Map<String, DeviceSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, DiscoveredDevice> commandable = new ConcurrentHashMap<>();
    private final List<Subscription> configSubscriptions = new ArrayList<>();

    /**
     * @param takenId  ids already used (Roost's own devices), which a discovered device must not take
     * @param changed  told every new snapshot of a device, on the delivery thread; must not block
     */
    public DiscoveredDevices(DeviceBus bus, String prefix, Clock clock, Predicate<String> takenId,
                             Consumer<DeviceSnapshot> changed) {
        this.bus = bus;
        this.prefix = prefix;
        this.clock = clock;
        this.takenId = takenId;
        this.changed = changed;
    }

    /** Subscribes to every discovery config; retained ones arrive at once. */
    public void start() {
        configSubscriptions.add(bus.subscribe(prefix + "/+/+/config", 0, this::onConfig));
        configSubscriptions.add(bus.subscribe(prefix + "/+/+/+/config", 0, this::onConfig));
    }

    public List<DeviceSnapshot> snapshots() {
        return List.copyOf(snapshots.values());
    }

    public Optional<DeviceSnapshot> snapshot(String id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    /**
     * Sends a command to a discovered device: checked whole against what its config allows, nothing is published
     * when a field does not fit, an addressed entity is unavailable or {@code mayPublish} refuses one of the
     * topics it would go to.
     *
     * @return empty when no discovered device has this id
     */
    public Optional<CommandOutcome> command(String id, JsonNode command, Predicate<String> mayPublish) {
        DiscoveredDevice device = commandable.get(id);
        if (device == null) {
            return Optional.empty();
        }
        DiscoveredDevice.Planned planned;
        boolean unavailable;
        try {
            synchronized (device) {
                planned = device.planCommand(command);
                unavailable = planned.targets().stream().anyMatch(entity -> !entity.available());
            }
        } catch (CommandReader.Invalid invalid) {
            return Optional.of(invalid.outcome());
        }
        if (unavailable) {
            return Optional.of(CommandOutcome.offline("'" + id + "' is offline; nothing was sent"));
        }
        for (Outgoing message : planned.messages()) {
            if (!mayPublish.test(message.topic())) {
                return Optional.of(CommandOutcome.forbidden("you may not publish to " + message.topic()));
            }
        }
        for (Outgoing message : planned.messages()) {
            bus.publish(message.topic(), message.payload().getBytes(StandardCharsets.UTF_8), message.qos(),
                    message.retain());
        }
        return Optional.of(CommandOutcome.ok());
    }

    private void onConfig(String topic, byte[] payload, boolean retained) {
        Optional<DiscoveryTopic> parsed = DiscoveryTopic.parse(prefix, topic);
        if (parsed.isEmpty() || OWN_NODE.equals(parsed.get().nodeId()) && ownConfig(payload)) {
            return;
        }
        ConfigReader.Read read = reader.read(parsed.get(), payload);
        if (read.problem() != null) {
            reportOnce(topic, read.problem());
            return;
        }
        reported.remove(topic);
        Set<String> now = new LinkedHashSet<>();
        Set<DiscoveredDevice> touched = new LinkedHashSet<>();
        for (EntityConfig config : read.entities()) {
            Entity entity;
            try {
                entity = Components.create(config);
            } catch (RuntimeException e) {
                reportOnce(topic, "cannot be used: " + e.getMessage());
                continue;
            }
            now.add(config.discoveryId());
            touched.add(add(entity));
        }
        Set<String> before = entitiesOfConfigTopic.getOrDefault(topic, Set.of());
        for (String gone : before) {
            if (!now.contains(gone)) {
                DiscoveredDevice device = remove(gone);
                if (device != null) {
                    touched.add(device);
                }
            }
        }
        if (now.isEmpty()) {
            entitiesOfConfigTopic.remove(topic);
        } else {
            entitiesOfConfigTopic.put(topic, now);
        }
        touched.forEach(this::publish);
    }

    /** Whether a config under Roost's own node is one Roost published for its own devices. */
    private boolean ownConfig(byte[] payload) {
        try {
            JsonNode config = json.readTree(payload);
            JsonNode device = config.has("device") ? config.get("device") : config.get("dev");
            JsonNode ids = device == null ? null : device.has("identifiers") ? device.get("identifiers")
                    : device.get("ids");
            return ids != null && (ids.isArray() ? ids.toString().contains("\"" + OWN_NODE + "\"")
                    : OWN_NODE.equals(ids.asText()));
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private DiscoveredDevice add(Entity entity) {
        Entity old = entities.get(entity.discoveryId());
        if (old != null) {
            unsubscribe(old);
        }
        String group = entity.device().identifiers().isEmpty()
                ? (entity.uniqueId() != null ? entity.uniqueId() : entity.discoveryId())
                : entity.device().identifiers().get(0);
        DiscoveredDevice previous = deviceOfEntity.get(entity.discoveryId());
        DiscoveredDevice device = devices.get(deviceIdOfGroup.computeIfAbsent(group, this::newId));
        if (device == null) {
            device = new DiscoveredDevice(deviceIdOfGroup.get(group));
            devices.put(device.id(), device);
        }
        if (previous != null && previous != device) {
            remove(entity.discoveryId());
        }
        synchronized (device) {
            device.put(entity);
        }
        entities.put(entity.discoveryId(), entity);
        deviceOfEntity.put(entity.discoveryId(), device);
        for (String topic : entity.topics()) {
            subscribe(topic, entity);
        }
        if (!entity.problems().isEmpty()) {
            log.atWarn().addKeyValue("entity", entity.discoveryId()).addKeyValue("device", device.id())
                    .log("discovered entity only partly usable: {}", String.join("; ", entity.problems()));
        }
        return device;
    }

    private DiscoveredDevice remove(String discoveryId) {
        Entity entity = entities.remove(discoveryId);
        DiscoveredDevice device = deviceOfEntity.remove(discoveryId);
        if (entity == null || device == null) {
            return null;
        }
        unsubscribe(entity);
        synchronized (device) {
            device.remove(discoveryId);
        }
        return device;
    }

    private void subscribe(String topic, Entity entity) {
        if (topic.contains("+") || topic.contains("#")) {
            return; // a state topic is a topic name; Home Assistant refuses wildcards there too
        }
        Set<Entity> listeners = entitiesOfTopic.computeIfAbsent(topic, t -> new LinkedHashSet<>());
        listeners.add(entity);
        if (!stateSubscriptions.containsKey(topic)) {
            try {
                stateSubscriptions.put(topic, bus.subscribe(topic, 0, this::onState));
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("topic", topic).log("cannot follow a discovered state topic: {}",
                        e.getMessage());
            }
        } else if (lastPayload.containsKey(topic)) {
            // Already followed for another entity, so its retained value will not come again.
            entity.offer(topic, new Payload(lastPayload.get(topic)));
        }
    }

    private void unsubscribe(Entity entity) {
        for (String topic : entity.topics()) {
            Set<Entity> listeners = entitiesOfTopic.get(topic);
            if (listeners == null) {
                continue;
            }
            listeners.remove(entity);
            if (listeners.isEmpty()) {
                entitiesOfTopic.remove(topic);
                lastPayload.remove(topic);
                Subscription subscription = stateSubscriptions.remove(topic);
                if (subscription != null) {
                    subscription.cancel();
                }
            }
        }
    }

    private void onState(String topic, byte[] payload, boolean retained) {
        Set<Entity> listeners = entitiesOfTopic.get(topic);
        if (listeners == null) {
            return;
        }
        if (payload.length <= MAX_KEPT_PAYLOAD) {
            lastPayload.put(topic, payload);
        }
        Payload message = new Payload(payload);
        Set<DiscoveredDevice> touched = new LinkedHashSet<>();
        for (Entity entity : listeners) {
            DiscoveredDevice device = deviceOfEntity.get(entity.discoveryId());
            if (device == null) {
                continue;
            }
            boolean change;
            synchronized (device) {
                change = entity.offer(topic, message);
                device.seen(clock.instant());
            }
            if (change || !retained) {
                touched.add(device);
            }
        }
        touched.forEach(this::publish);
    }

    private void publish(DiscoveredDevice device) {
        DeviceSnapshot snapshot;
        synchronized (device) {
            if (device.isEmpty()) {
                devices.remove(device.id());
                deviceIdOfGroup.values().remove(device.id());
                snapshots.remove(device.id());
                commandable.remove(device.id());
                log.atInfo().addKeyValue("device", device.id()).log("discovered device removed");
                return;
            }
            snapshot = device.snapshot();
        }
        if (snapshots.put(device.id(), snapshot) == null) {
            log.atInfo().addKeyValue("device", device.id()).addKeyValue("type", snapshot.type())
                    .addKeyValue("name", snapshot.name()).log("device discovered");
        }
        commandable.put(device.id(), device);
        changed.accept(snapshot);
    }

    private String newId(String group) {
        String base = group.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "device";
        }
        String id = base;
        for (int n = 2; takenId.test(id) || deviceIdOfGroup.containsValue(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void reportOnce(String topic, String problem) {
        if (!problem.equals(reported.put(topic, problem))) {
            log.atWarn().addKeyValue("topic", topic).log("discovery config ignored: {}", problem);
        }
    }

    /** Stops following discovery and every state topic. */
    @Override
    public void close() {
        configSubscriptions.forEach(Subscription::cancel);
        configSubscriptions.clear();
        stateSubscriptions.values().forEach(Subscription::cancel);
        stateSubscriptions.clear();
    }
}
