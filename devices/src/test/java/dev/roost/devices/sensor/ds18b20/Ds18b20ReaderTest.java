package dev.roost.devices.sensor.ds18b20;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roost.devices.sensor.SensorException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ds18b20ReaderTest {

    static final String ADDRESS = "28-0316a2795cff";

    @TempDir
    Path w1;

    /** Lays out {@code <w1>/<address>/w1_slave} as the kernel's w1-therm driver does. */
    static void writeSlave(Path base, String address, String crc, String milli) throws Exception {
        Path dir = Files.createDirectories(base.resolve(address));
        Files.writeString(dir.resolve("w1_slave"),
                "72 01 4b 46 7f ff 0e 10 57 : crc=57 " + crc + "\n72 01 4b 46 7f ff 0e 10 57 t=" + milli + "\n");
    }

    @Test
    void validReadingIsTheTemperatureInDegrees() throws Exception {
        writeSlave(w1, ADDRESS, "YES", "23125");

        assertThat(new Ds18b20Reader(w1, ADDRESS).read().values()).containsExactly(
                java.util.Map.entry("temperature", 23.125));
    }

    @Test
    void negativeTemperaturesAreRead() throws Exception {
        writeSlave(w1, ADDRESS, "YES", "-10500");

        assertThat(new Ds18b20Reader(w1, ADDRESS).read().values().get("temperature")).isEqualTo(-10.5);
    }

    @Test
    void crcFailureIsABadReadingNotAMissingSensor() throws Exception {
        writeSlave(w1, ADDRESS, "NO", "23125");

        assertThatThrownBy(() -> new Ds18b20Reader(w1, ADDRESS).read())
                .isInstanceOfSatisfying(SensorException.class, e -> assertThat(e.missing()).isFalse())
                .hasMessageContaining("CRC check failed");
    }

    @Test
    void missingDeviceIsReportedAsMissing() {
        assertThatThrownBy(() -> new Ds18b20Reader(w1, ADDRESS).read())
                .isInstanceOfSatisfying(SensorException.class, e -> assertThat(e.missing()).isTrue())
                .hasMessageContaining("1-wire device " + ADDRESS + " not found");
    }

    @Test
    void truncatedFileIsABadReading() throws Exception {
        Path dir = Files.createDirectories(w1.resolve(ADDRESS));
        Files.writeString(dir.resolve("w1_slave"), "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n");

        assertThatThrownBy(() -> new Ds18b20Reader(w1, ADDRESS).read())
                .isInstanceOfSatisfying(SensorException.class, e -> assertThat(e.missing()).isFalse())
                .hasMessageContaining("expected 2 lines");
    }
}
