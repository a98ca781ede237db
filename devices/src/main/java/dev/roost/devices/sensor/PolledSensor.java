package dev.roost.devices.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.device.Device;
import dev.roost.devices.device.DeviceEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A sensor read every {@code pollSeconds}; a reading is published only when a value moved by at least
 * {@code minChange}, so a steady room does not flood the broker. A sensor that is missing goes offline and
 * comes back online with its next good reading; a bad reading is reported and skipped.
 *
 * <p>Thread-safe: reads run on the shared timer, one at a time per sensor, under this object's lock.
 */
public final class PolledSensor implements Device {

    private static final Logger log = LoggerFactory.getLogger(PolledSensor.class);
    public static final int DEFAULT_POLL_SECONDS = 30;
    public static final double DEFAULT_MIN_CHANGE = 0.1;

    private final DeviceSpec spec;
    private final DeviceType type;
    private final SensorReader reader;
    private final ScheduledExecutorService timer;
    private final double minChange;
    private DeviceEvents events;
    private ScheduledFuture<?> polling;
    private Reading published;
    private Boolean online;

    public PolledSensor(DeviceSpec spec, DeviceType type, SensorReader reader, ScheduledExecutorService timer) {
        this.spec = spec;
        this.type = type;
        this.reader = reader;
        this.timer = timer;
        this.minChange = spec.minChange() != null ? spec.minChange() : DEFAULT_MIN_CHANGE;
    }

    @Override
    public DeviceSpec spec() {
        return spec;
    }

    @Override
    public DeviceType type() {
        return type;
    }

    @Override
    public synchronized void start(DeviceEvents events) {
        this.events = events;
        long seconds = spec.pollSeconds() != null ? spec.pollSeconds() : DEFAULT_POLL_SECONDS;
        polling = timer.scheduleWithFixedDelay(this::poll, 0, seconds, TimeUnit.SECONDS);
    }

    /** Reads once now; the timer calls it, and tests call it to avoid waiting for the interval. */
    public synchronized void poll() {
        Reading reading;
        try {
            reading = reader.read();
        } catch (SensorException e) {
            failed(e);
            return;
        } catch (RuntimeException e) {
            // A bug in a reader must not cancel the periodic task (the executor would drop it silently).
            log.atError().setCause(e).addKeyValue("device", spec.id()).log("sensor reader failed unexpectedly");
            failed(new SensorException("unexpected failure: " + e, true, e));
            return;
        }
        if (!Boolean.TRUE.equals(online)) {
            online = true;
            events.availability(spec.id(), true);
            published = null; // publish the first reading after coming back, however small the change
        }
        if (reading.differsFrom(published, minChange)) {
            published = reading;
            events.state(spec.id(), new LinkedHashMap<>(reading.values()));
        }
    }

    @Override
    public CommandOutcome command(JsonNode command) {
        return CommandOutcome.rejected(null, "'" + spec.id() + "' is a sensor and cannot be commanded");
    }

    @Override
    public void toSafeState() {
        // A sensor has nothing to drive.
    }

    @Override
    public synchronized void close() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    private void failed(SensorException e) {
        log.atWarn().addKeyValue("device", spec.id()).addKeyValue("missing", e.missing())
                .log("sensor read failed: {}", e.getMessage());
        events.error(spec.id(), null, e.getMessage());
        if (e.missing() && !Boolean.FALSE.equals(online)) {
            online = false;
            events.availability(spec.id(), false);
        }
    }

    /** The last reading published, for tests and diagnostics; null before the first. */
    public synchronized Map<String, Double> lastPublished() {
        return published != null ? published.values() : null;
    }
}
