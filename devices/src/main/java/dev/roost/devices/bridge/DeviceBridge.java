package dev.roost.devices.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.devices.bus.DeviceBus;
import dev.roost.devices.bus.Subscription;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.device.Device;
import dev.roost.devices.device.DeviceEvents;
import dev.roost.devices.discovery.DiscoveryMessage;
import dev.roost.devices.discovery.HomeAssistantDiscovery;
import dev.roost.devices.topic.DeviceTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bridges the devices to MQTT per the topic contract: retained JSON state on {@code home/<id>}, commands on
 * {@code home/<id>/set}, retained {@code online}/{@code offline} on {@code home/<id>/availability}, and a
 * rejected command or a sensor fault on {@code home/<id>/error} (and in the log). Outputs go to their safe
 * state on start and on stop.
 *
 * <p>Thread-safe: devices report from their own threads; the last state of each device is kept in a
 * concurrent map, and publishing goes through the thread-safe {@link DeviceBus}.
 */
public final class DeviceBridge implements DeviceEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceBridge.class);
    private static final int QOS = 1;

    private final DeviceBus bus;
    private final DeviceTopics topics;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final HomeAssistantDiscovery discovery;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, DeviceSnapshot> snapshots = new ConcurrentHashMap<>();
    private Subscription commands;

    /** @param discovery null when Home Assistant discovery is switched off */
    public DeviceBridge(DeviceBus bus, DeviceTopics topics, List<Device> devices, HomeAssistantDiscovery discovery,
                        Clock clock) {
        this.bus = bus;
        this.topics = topics;
        this.discovery = discovery;
        this.clock = clock;
        for (Device device : devices) {
            this.devices.put(device.id(), device);
            snapshots.put(device.id(), new DeviceSnapshot(device.id(), device.type().configName(),
                    device.spec().displayName(), Map.of(), false, null));
        }
    }

    /** Announces and starts every device (outputs in their safe state), then listens for commands. */
    public synchronized void start() {
        for (Device device : devices.values()) {
            if (discovery != null) {
                for (DiscoveryMessage message : discovery.messagesFor(device.spec(), device.type())) {
                    bus.publish(message.topic(), bytes(message.json()), QOS, true);
                }
            }
            startOne(device);
        }
        commands = bus.subscribe(topics.allCommandsFilter(), QOS, this::onCommand);
        log.atInfo().addKeyValue("devices", devices.size()).log("devices bridged to MQTT");
    }

    private void startOne(Device device) {
        try {
            device.start(this);
        } catch (RuntimeException e) {
            // One broken device (a pin held by another process) must not keep the others from working.
            log.atError().setCause(e).addKeyValue("device", device.id()).log("device could not start");
            availability(device.id(), false);
            error(device.id(), null, "could not start: " + e.getMessage());
            return;
        }
        if (!device.type().isPolledSensor()) {
            availability(device.id(), true); // a sensor goes online with its first good reading
        }
    }

    /** Stops listening, drives every output to its safe state and marks every device offline. */
    public synchronized void stop() {
        if (commands != null) {
            commands.cancel();
            commands = null;
        }
        for (Device device : devices.values()) {
            device.close();
            try {
                device.toSafeState();
            } catch (RuntimeException e) {
                log.atError().setCause(e).addKeyValue("device", device.id()).log("could not reach safe state");
            }
            availability(device.id(), false);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The devices in declaration order, with their last state. */
    public List<DeviceSnapshot> snapshots() {
        return devices.keySet().stream().map(snapshots::get).toList();
    }

    public Optional<DeviceSnapshot> snapshot(String id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    /** The device with this id, for the simulator and tests. */
    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /**
     * Applies a command from any source (MQTT or the web UI); a rejection is also reported on the device's
     * error topic and in the log.
     *
     * @throws java.util.NoSuchElementException when no device has this id
     */
    public CommandOutcome command(String id, JsonNode command) {
        Device device = Optional.ofNullable(devices.get(id)).orElseThrow();
        CommandOutcome outcome = device.command(command);
        if (!outcome.accepted()) {
            log.atWarn().addKeyValue("device", id).addKeyValue("field", outcome.field())
                    .log("command rejected: {}", outcome.detail());
            publishError(id, "invalid command", outcome.field(), outcome.detail());
        }
        return outcome;
    }

    private void onCommand(String topic, byte[] payload, boolean retained) {
        Optional<String> id = topics.deviceOfCommand(topic);
        if (id.isEmpty() || !devices.containsKey(id.get())) {
            return; // another system's device under the same base
        }
        if (retained) {
            // A retained command would replay at every start: a lock must not open because one was kept.
            log.atWarn().addKeyValue("device", id.get()).log("retained command ignored");
            publishError(id.get(), "invalid command", null, "retained commands are ignored; publish without retain");
            return;
        }
        JsonNode command;
        try {
            command = json.readTree(payload);
        } catch (java.io.IOException e) {
            log.atWarn().addKeyValue("device", id.get()).log("command is not JSON");
            publishError(id.get(), "invalid command", null, "not JSON: "
                    + (e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage()));
            return;
        }
        command(id.get(), command);
    }

    @Override
    public void state(String deviceId, Map<String, Object> state) {
        snapshots.computeIfPresent(deviceId, (id, old) -> new DeviceSnapshot(id, old.type(), old.name(), state,
                old.online(), clock.instant()));
        bus.publish(topics.state(deviceId), toJson(state), QOS, true);
    }

    @Override
    public void availability(String deviceId, boolean online) {
        snapshots.computeIfPresent(deviceId, (id, old) -> new DeviceSnapshot(id, old.type(), old.name(), old.state(),
                online, online ? clock.instant() : old.lastSeen()));
        bus.publish(topics.availability(deviceId), bytes(online ? "online" : "offline"), QOS, true);
    }

    @Override
    public void error(String deviceId, String field, String detail) {
        publishError(deviceId, "device fault", field, detail);
    }

    private void publishError(String deviceId, String error, String field, String detail) {
        ObjectNode body = json.createObjectNode();
        body.put("error", error);
        body.put("field", field);
        body.put("detail", detail);
        bus.publish(topics.error(deviceId), bytes(body.toString()), QOS, false);
    }

    private byte[] toJson(Map<String, Object> state) {
        try {
            return json.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("device state is not JSON-serialisable: " + state, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
