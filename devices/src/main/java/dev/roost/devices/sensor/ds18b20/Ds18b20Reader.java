package dev.roost.devices.sensor.ds18b20;

import dev.roost.devices.sensor.Reading;
import dev.roost.devices.sensor.SensorException;
import dev.roost.devices.sensor.SensorReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a DS18B20 through the kernel's w1-therm driver: {@code <base>/<address>/w1_slave} holds two lines, the
 * first ending in {@code YES} when the CRC matched, the second ending in {@code t=<millidegrees>}:
 * <pre>
 * 72 01 4b 46 7f ff 0e 10 57 : crc=57 YES
 * 72 01 4b 46 7f ff 0e 10 57 t=23125
 * </pre>
 *
 * <p>Stateless; each read opens the file anew, which is what triggers a conversion in the kernel.
 */
public final class Ds18b20Reader implements SensorReader {

    /** Where Raspberry Pi OS mounts 1-wire devices once the w1-gpio overlay is enabled. */
    public static final Path DEFAULT_BASE = Path.of("/sys/bus/w1/devices");

    private final Path file;
    private final String address;

    public Ds18b20Reader(Path base, String address) {
        this.address = address;
        this.file = base.resolve(address).resolve("w1_slave");
    }

    @Override
    public Reading read() throws SensorException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new SensorException("1-wire device " + address + " not found (" + file + ")", true, e);
        } catch (IOException e) {
            throw new SensorException("cannot read " + file + ": " + e.getMessage(), true, e);
        }
        if (lines.size() < 2) {
            throw new SensorException(file + ": expected 2 lines, got " + lines.size(), false);
        }
        if (!lines.get(0).trim().endsWith("YES")) {
            throw new SensorException(file + ": CRC check failed (" + lines.get(0).trim() + ")", false);
        }
        int at = lines.get(1).lastIndexOf("t=");
        if (at < 0) {
            throw new SensorException(file + ": line 2 has no t= value", false);
        }
        try {
            long milli = Long.parseLong(lines.get(1).substring(at + 2).trim());
            return Reading.of("temperature", milli / 1000.0);
        } catch (NumberFormatException e) {
            throw new SensorException(file + ": line 2: t= is not a number", false, e);
        }
    }
}
