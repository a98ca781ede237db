package dev.roost.devices.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.device.DeviceEvents;
import dev.roost.devices.sensor.ds18b20.Ds18b20Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DS18B20 read from a fake w1 sysfs tree; polls are triggered by the test, not by the clock. */
class PolledSensorTest {

    static final String ADDRESS = "28-0316a2795cff";

    @TempDir
    Path w1;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final DeviceEvents recorder = new DeviceEvents() {
        @Override
        public void state(String deviceId, Map<String, Object> state) {
            events.add("state " + state);
        }

        @Override
        public void availability(String deviceId, boolean online) {
            events.add(online ? "online" : "offline");
        }

        @Override
        public void error(String deviceId, String field, String detail) {
            events.add("error " + detail);
        }
    };

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private void slave(String crc, String milli) throws Exception {
        Path dir = Files.createDirectories(w1.resolve(ADDRESS));
        Files.writeString(dir.resolve("w1_slave"),
                "72 01 4b 46 7f ff 0e 10 57 : crc=57 " + crc + "\n72 01 4b 46 7f ff 0e 10 57 t=" + milli + "\n");
    }

    /** A sensor polled only by the test: the interval is a day, so the timer's own poll runs once at start. */
    private PolledSensor sensor(double minChange) {
        DeviceSpec spec = DeviceSpec.onBus("outside", "ds18b20", ADDRESS).withPolling(86_400, minChange);
        return new PolledSensor(spec, DeviceType.DS18B20, new Ds18b20Reader(w1, ADDRESS), timer);
    }

    /** Starts the sensor and waits for the timer's first poll, after which the test polls by hand. */
    private PolledSensor started(double minChange, int firstEvents) {
        PolledSensor sensor = sensor(minChange);
        sensor.start(recorder);
        await().atMost(Duration.ofSeconds(2)).until(() -> events.size() >= firstEvents);
        return sensor;
    }

    @Test
    void validReadingGoesOnlineAndPublishesTheTemperature() throws Exception {
        slave("YES", "21375");

        started(0.1, 2);

        assertThat(events).containsExactly("online", "state {temperature=21.375}");
    }

    @Test
    void changeSmallerThanMinChangeIsNotPublished() throws Exception {
        slave("YES", "21375");
        PolledSensor sensor = started(0.5, 2);

        slave("YES", "21750");
        sensor.poll();
        slave("YES", "21875");
        sensor.poll();

        assertThat(events).containsExactly("online", "state {temperature=21.375}", "state {temperature=21.875}");
    }

    @Test
    void crcFailureIsReportedAndSkippedWithoutGoingOffline() throws Exception {
        slave("YES", "21375");
        PolledSensor sensor = started(0.1, 2);

        slave("NO", "85000");
        sensor.poll();

        assertThat(events).hasSize(3);
        assertThat(events.get(2)).startsWith("error ").contains("CRC check failed");
        assertThat(sensor.lastPublished()).containsEntry("temperature", 21.375);
    }

    @Test
    void missingDeviceGoesOfflineOnceAndComesBackWithItsNextReading() throws Exception {
        PolledSensor sensor = started(0.1, 2);
        assertThat(events.get(0)).startsWith("error ").contains("not found");
        assertThat(events.get(1)).isEqualTo("offline");

        sensor.poll();
        assertThat(events).hasSize(3).doesNotContainSequence("offline", "offline");

        slave("YES", "19000");
        sensor.poll();
        assertThat(events.subList(3, 5)).containsExactly("online", "state {temperature=19.0}");
    }

    @Test
    void closeStopsPolling() throws Exception {
        slave("YES", "21375");
        ScheduledExecutorService fast = Executors.newSingleThreadScheduledExecutor();
        try {
            PolledSensor sensor = new PolledSensor(
                    DeviceSpec.onBus("outside", "ds18b20", ADDRESS).withPolling(1, 0.0),
                    DeviceType.DS18B20, new Ds18b20Reader(w1, ADDRESS), fast);
            sensor.start(recorder);
            await().atMost(Duration.ofSeconds(2)).until(() -> events.size() >= 2);

            sensor.close();
            slave("YES", "30000");

            await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(events).hasSize(2));
        } finally {
            fast.shutdownNow();
        }
    }
}
