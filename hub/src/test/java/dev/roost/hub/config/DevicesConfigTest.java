package dev.roost.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roost.devices.config.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code devices:} section: read as written, and every mistake reported with file, line and reason. */
class DevicesConfigTest {

    @TempDir
    Path temp;

    private Path write(String yaml) throws Exception {
        return Files.writeString(temp.resolve("roost.yaml"), yaml);
    }

    @Test
    void devicesAreReadWithTheirOptionsAndTopicSettings() throws Exception {
        HubConfig config = new ConfigLoader().load(write("""
                devices:
                  baseTopic: site/home
                  discoveryPrefix: ha
                  w1Path: /tmp/w1
                  list:
                    - id: front-door
                      type: digital-in
                      pin: 22
                      pull: up
                      inverted: true
                      debounceMs: 80
                    - id: smart-lock
                      type: digital-out
                      role: lock
                      pin: 27
                      safe: LOCKED
                    - id: climate
                      type: bme280
                      address: "0x76"
                      pollSeconds: 60
                      minChange: 0.2
                """));

        DevicesSettings devices = config.devices();
        assertThat(devices.baseTopic()).isEqualTo("site/home");
        assertThat(devices.discoveryPrefix()).isEqualTo("ha");
        assertThat(devices.discovery()).isTrue();
        assertThat(devices.w1Path()).isEqualTo(Path.of("/tmp/w1"));
        assertThat(devices.list()).extracting(DeviceSpec::id).containsExactly("front-door", "smart-lock", "climate");
        assertThat(devices.list().get(0).debounceMs()).isEqualTo(80);
        assertThat(devices.list().get(1).role()).isEqualTo("lock");
        assertThat(devices.list().get(2).minChange()).isEqualTo(0.2);
    }

    @Test
    void withoutADevicesSectionTheDefaultsApply() throws Exception {
        DevicesSettings devices = new ConfigLoader().load(write("mqtt:\n  port: 1884\n")).devices();

        assertThat(devices.list()).isEmpty();
        assertThat(devices.baseTopic()).isEqualTo("home");
        assertThat(devices.discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(devices.w1Path()).isEqualTo(Path.of("/sys/bus/w1/devices"));
    }

    @Test
    void pinUsedTwiceIsRejectedAtTheSecondPinsLine() throws Exception {
        Path file = write("""
                devices:
                  list:
                    - id: button
                      type: digital-in
                      pin: 22
                    - id: relay
                      type: digital-out
                      pin: 22
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":8:7: devices.list[1].pin: GPIO 22 is already used by 'button'");
    }

    @Test
    void unknownTypeIsRejectedListingTheKnownOnes() throws Exception {
        Path file = write("""
                devices:
                  list:
                    - id: fan
                      type: servo
                      pin: 12
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":4:7: devices.list[0].type: 'servo' is not one of "
                        + "[digital-in, digital-out, pwm, ds18b20, bme280]");
    }

    @Test
    void pinThatDoesNotExistIsRejected() throws Exception {
        Path file = write("""
                devices:
                  list:
                    - id: lamp
                      type: pwm
                      pin: 40
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + ":5:7: devices.list[0].pin: GPIO 40 does not exist: the header has GPIO 0..27"
                        + " (BCM numbering)");
    }

    @Test
    void everyDeviceErrorIsReportedOnItsOwnLine() throws Exception {
        Path file = write("""
                devices:
                  list:
                    - id: relay
                      type: digital-out
                    - id: light
                      type: pwm
                      pin: 18
                      frequency: 0
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file)).hasMessage(
                file + ":3:7: devices.list[0].pin: is required for a digital-out\n"
                        + file + ":8:7: devices.list[1].frequency: must be between 1 and 100000, got 0");
    }

    @Test
    void emptyEntryIsReportedRatherThanSkipped() throws Exception {
        Path file = write("""
                devices:
                  list:
                    - id: lamp
                      type: pwm
                      pin: 18
                    -
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessageStartingWith(file + ":")
                .hasMessageEndingWith(": devices.list[1].id: is required (the entry is empty)");
    }

    @Test
    void baseTopicWithAWildcardIsRejectedAtItsLine() throws Exception {
        Path file = write("""
                devices:
                  baseTopic: home/#
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessageStartingWith(file + ":2:3: devices.baseTopic: topic base must not contain");
    }

    @Test
    void pinThatIsNotANumberIsRejectedAtItsLine() throws Exception {
        Path file = write("""
                devices:
                  list:
                    - id: lamp
                      type: pwm
                      pin: eighteen
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessageStartingWith(file + ":5:")
                .hasMessageContaining("devices.list[0].pin");
    }
}
