package dev.roost.devices.sensor.bme280;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import dev.roost.devices.platform.Pi4jContexts;
import dev.roost.devices.sensor.Reading;
import dev.roost.devices.sensor.SensorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The BME280 driver against Pi4J's mock I2C device, whose registers hand out the bytes the test queued: the
 * datasheet's calibration and raw values must come out as the datasheet's temperature and pressure.
 */
class Bme280ReaderTest {

    private final Context pi4j = Pi4jContexts.mock();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private static final byte[] CALIBRATION_1 = {
            (byte) 0x70, (byte) 0x6B, (byte) 0x43, (byte) 0x67, (byte) 0x18, (byte) 0xFC,
            (byte) 0x7D, (byte) 0x8E, (byte) 0x43, (byte) 0xD6, (byte) 0xD0, (byte) 0x0B, (byte) 0x27, (byte) 0x0B,
            (byte) 0x8C, (byte) 0x00, (byte) 0xF9, (byte) 0xFF, (byte) 0x8C, (byte) 0x3C, (byte) 0xF8, (byte) 0xC6,
            (byte) 0x70, (byte) 0x17, 0, 75};
    private static final byte[] CALIBRATION_2 = {(byte) 0x6A, (byte) 0x01, 0, (byte) 0x13, (byte) 0x29, 0x03, 0x1E};
    /** adc_P 415148 (0x655AC), adc_T 519888 (0x7EED0), adc_H 27000 (0x6978), as the chip lays them out. */
    private static final byte[] DATA = {0x65, 0x5A, (byte) 0xC0, 0x7E, (byte) 0xED, 0x00, 0x69, 0x78};

    /** Queues what the chip answers; the reader has created the I2C device under its id already. */
    private void chip(int chipId) {
        I2C i2c = pi4j.registry().get("climate");
        i2c.writeRegister(Bme280Reader.REG_CHIP_ID, (byte) chipId);
        i2c.writeRegister(Bme280Reader.REG_CALIB1, CALIBRATION_1);
        i2c.writeRegister(Bme280Reader.REG_CALIB2, CALIBRATION_2);
        i2c.writeRegister(Bme280Reader.REG_STATUS, (byte) 0x00);
        i2c.writeRegister(Bme280Reader.REG_DATA, DATA);
    }

    @Test
    void forcedReadingIsCompensatedToTheDatasheetValues() throws Exception {
        Bme280Reader reader = new Bme280Reader(pi4j, "climate", 1, 0x76);
        chip(0x60);

        Reading reading = reader.read();

        assertThat(reading.values()).containsOnlyKeys("temperature", "humidity", "pressure");
        assertThat(reading.values().get("temperature")).isEqualTo(25.08);
        assertThat(reading.values().get("pressure")).isEqualTo(1006.53);
        assertThat(reading.values().get("humidity")).isBetween(0.0, 100.0);
    }

    @Test
    void bmp280IsRefusedWithAMessageSayingWhy() {
        Bme280Reader reader = new Bme280Reader(pi4j, "climate", 1, 0x76);
        chip(0x58);

        assertThatThrownBy(reader::read).isInstanceOf(SensorException.class)
                .hasMessage("BME280 at 0x76 on I2C bus 1: chip id is 0x58, a BME280 answers 0x60"
                        + " (a BMP280 answers 0x58 and has no humidity)");
    }
}
