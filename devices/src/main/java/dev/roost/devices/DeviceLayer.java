package dev.roost.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.bridge.DeviceBridge;
import dev.roost.devices.bridge.DeviceSnapshot;
import dev.roost.devices.bus.DeviceBus;
import dev.roost.devices.config.DeviceConfigError;
import dev.roost.devices.config.DeviceConfigValidator;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.device.Device;
import dev.roost.devices.device.DeviceFactory;
import dev.roost.devices.discovered.DiscoveredDevices;
import dev.roost.devices.discovery.HomeAssistantDiscovery;
import dev.roost.devices.platform.DevicePlatform;
import dev.roost.devices.platform.PiDetector;
import dev.roost.devices.sensor.HardwareSensors;
import dev.roost.devices.sensor.SensorSource;
import dev.roost.devices.sim.DemoDevices;
import dev.roost.devices.sim.SimulatedInputs;
import dev.roost.devices.sim.SimulatedSensors;
import dev.roost.devices.topic.DeviceTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The device module as the hub sees it: picks the platform, builds the drivers, bridges them to the bus and
 * stops them safely. Built by {@link #start}; {@link #close()} drives outputs to their safe state, marks the
 * devices offline and releases the pins.
 */
public final class DeviceLayer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceLayer.class);

    private final DevicePlatform platform;
    private final ScheduledExecutorService timer;
    private final DeviceBridge bridge;
    private final SimulatedInputs inputs;
    private final List<DeviceSpec> specs;
    private final DiscoveredDevices discovered;
    private final DeviceTopics topics;

    private DeviceLayer(DevicePlatform platform, ScheduledExecutorService timer, DeviceBridge bridge,
                        List<Device> devices, List<DeviceSpec> specs, DiscoveredDevices discovered,
                        DeviceTopics topics) {
        this.platform = platform;
        this.timer = timer;
        this.bridge = bridge;
        this.inputs = new SimulatedInputs(devices);
        this.specs = specs;
        this.discovered = discovered;
        this.topics = topics;
    }

    /**
     * Validates the declarations, starts every device and bridges it to {@code bus}.
     *
     * @throws InvalidDevicesException when a declaration cannot be used; nothing was started then
     */
    public static DeviceLayer start(DeviceLayerSettings settings, DeviceBus bus, PiDetector detector, Clock clock)
            throws InvalidDevicesException {
        List<DeviceConfigError> errors = new DeviceConfigValidator().validate(settings.devices());
        if (!errors.isEmpty()) {
            throw new InvalidDevicesException(errors);
        }
        DevicePlatform platform = DevicePlatform.select(settings.simulate(), detector);
        List<DeviceSpec> specs = settings.devices().isEmpty() && platform.simulated()
                ? DemoDevices.specs() : settings.devices();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devices");
            t.setDaemon(true);
            return t;
        });
        SensorSource sensors = platform.simulated()
                ? new SimulatedSensors(clock, new Random())
                : new HardwareSensors(platform.context(), settings.w1Path());
        try {
            List<Device> devices = new DeviceFactory(platform.context(), sensors, timer, platform::pwmAddress)
                    .create(specs);
            DeviceTopics topics = new DeviceTopics(settings.baseTopic());
            HomeAssistantDiscovery discovery = settings.discovery()
                    ? new HomeAssistantDiscovery(settings.discoveryPrefix(), topics) : null;
            DeviceBridge bridge = new DeviceBridge(bus, topics, devices, discovery, clock);
            bridge.start();
            DiscoveredDevices discovered = null;
            if (settings.discover()) {
                discovered = new DiscoveredDevices(bus, settings.discoveryPrefix(), clock,
                        id -> bridge.snapshot(id).isPresent(), changed -> { });
                discovered.start();
            }
            log.atInfo().addKeyValue("platform", platform.description()).addKeyValue("devices", specs.size())
                    .addKeyValue("discovery", settings.discover() ? settings.discoveryPrefix() + "/#" : "off")
                    .log("devices started");
            return new DeviceLayer(platform, timer, bridge, devices, specs, discovered, topics);
        } catch (RuntimeException e) {
            timer.shutdownNow();
            platform.close();
            throw e;
        }
    }

    /** Whether the devices run on Pi4J's mock platform. */
    public boolean simulated() {
        return platform.simulated();
    }

    /** The declarations in use: the configured ones, or the demo devices in simulation. */
    public List<DeviceSpec> specs() {
        return specs;
    }

    /** Roost's own devices in declaration order, then those discovered, in the order they were announced. */
    public List<DeviceSnapshot> snapshots() {
        if (discovered == null) {
            return bridge.snapshots();
        }
        List<DeviceSnapshot> all = new java.util.ArrayList<>(bridge.snapshots());
        all.addAll(discovered.snapshots());
        return all;
    }

    public Optional<DeviceSnapshot> snapshot(String id) {
        Optional<DeviceSnapshot> own = bridge.snapshot(id);
        return own.isPresent() || discovered == null ? own : discovered.snapshot(id);
    }

    /**
     * Applies a command to a device: one of Roost's own as if it had arrived on its command topic, a discovered
     * one as the payloads its config asks for. Refused, with nothing sent, when {@code mayPublish} does not allow
     * every topic the command would go to (the sender's topic permissions).
     *
     * @return empty when no device has this id
     */
    public Optional<CommandOutcome> command(String id, JsonNode command, Predicate<String> mayPublish) {
        if (bridge.snapshot(id).isPresent()) {
            String topic = topics.command(id);
            return Optional.of(mayPublish.test(topic) ? bridge.command(id, command)
                    : CommandOutcome.forbidden("you may not publish to " + topic));
        }
        return discovered == null ? Optional.empty() : discovered.command(id, command, mayPublish);
    }

    /** The inputs of a simulated platform, to drive from tests and the web UI. */
    public SimulatedInputs inputs() {
        return inputs;
    }

    /** The running driver of a device, for diagnostics and tests. */
    public Optional<Device> device(String id) {
        return bridge.device(id);
    }

    /** Safe state, offline, then the pins are released. */
    @Override
    public void close() {
        if (discovered != null) {
            discovered.close();
        }
        bridge.stop();
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("a sensor read did not finish within 2 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        platform.close();
    }

    /** Declarations that cannot be used; {@link #errors()} says which and why. */
    public static final class InvalidDevicesException extends Exception {
        private final List<DeviceConfigError> errors;

        public InvalidDevicesException(List<DeviceConfigError> errors) {
            super(errors.stream().map(DeviceConfigError::describe).reduce((a, b) -> a + "; " + b).orElse(""));
            this.errors = List.copyOf(errors);
        }

        public List<DeviceConfigError> errors() {
            return errors;
        }
    }
}
