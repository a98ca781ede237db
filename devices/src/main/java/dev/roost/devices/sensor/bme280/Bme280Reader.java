package dev.roost.devices.sensor.bme280;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import dev.roost.devices.sensor.Reading;
import dev.roost.devices.sensor.SensorException;
import dev.roost.devices.sensor.SensorReader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a BME280 over I2C in forced mode (one measurement per read, then the chip sleeps, which also keeps
 * it from warming itself): checks the chip id, reads the calibration once, triggers a measurement and
 * compensates it. Publishes {@code temperature} (°C), {@code humidity} (%) and {@code pressure} (hPa).
 *
 * <p>Thread-safe under the owning {@code PolledSensor}'s lock, which serialises reads.
 */
public final class Bme280Reader implements SensorReader {

    static final int REG_CALIB1 = 0x88;
    static final int REG_CHIP_ID = 0xD0;
    static final int REG_CALIB2 = 0xE1;
    static final int REG_CTRL_HUM = 0xF2;
    static final int REG_STATUS = 0xF3;
    static final int REG_CTRL_MEAS = 0xF4;
    static final int REG_DATA = 0xF7;
    static final int CHIP_ID = 0x60;
    /** Oversampling x1 for humidity; it takes effect with the next write of ctrl_meas. */
    private static final int HUMIDITY_X1 = 0x01;
    /** Temperature x1, pressure x1, forced mode. */
    private static final int FORCED_X1 = 0b001_001_01;
    private static final int MEASURING = 0x08;
    /** A forced x1 measurement takes under 10 ms; 50 polls of 1 ms each is a generous bound. */
    private static final int MAX_STATUS_POLLS = 50;

    private final I2C i2c;
    private final String where;
    private Bme280Compensation compensation;

    public Bme280Reader(Context pi4j, String id, int bus, int address) {
        this.i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id(id).bus(bus).device(address));
        this.where = "BME280 at " + String.format("0x%02x", address) + " on I2C bus " + bus;
    }

    @Override
    public Reading read() throws SensorException {
        try {
            if (compensation == null) {
                compensation = new Bme280Compensation(readCalibration());
            }
            i2c.writeRegister(REG_CTRL_HUM, (byte) HUMIDITY_X1);
            i2c.writeRegister(REG_CTRL_MEAS, (byte) FORCED_X1);
            awaitMeasurement();
            byte[] data = new byte[8];
            i2c.readRegister(REG_DATA, data, 0, data.length);
            int adcP = ((data[0] & 0xFF) << 12) | ((data[1] & 0xFF) << 4) | ((data[2] & 0xFF) >> 4);
            int adcT = ((data[3] & 0xFF) << 12) | ((data[4] & 0xFF) << 4) | ((data[5] & 0xFF) >> 4);
            int adcH = ((data[6] & 0xFF) << 8) | (data[7] & 0xFF);
            Bme280Compensation.Measurement m = compensation.compensate(adcT, adcP, adcH);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("temperature", round(m.celsius(), 100));
            values.put("humidity", round(m.relativeHumidity(), 10));
            values.put("pressure", round(m.pascal() / 100.0, 100));
            return new Reading(values);
        } catch (com.pi4j.io.exception.IOException | IllegalStateException e) {
            compensation = null; // re-read the calibration after a fault, the chip may have been replaced
            throw new SensorException(where + ": " + e.getMessage(), true, e);
        }
    }

    private Bme280Calibration readCalibration() throws SensorException {
        int chip = i2c.readRegister(REG_CHIP_ID);
        if (chip != CHIP_ID) {
            throw new SensorException(where + ": chip id is 0x" + Integer.toHexString(chip)
                    + ", a BME280 answers 0x60 (a BMP280 answers 0x58 and has no humidity)", true);
        }
        byte[] block1 = new byte[Bme280Calibration.BLOCK1_LENGTH];
        byte[] block2 = new byte[Bme280Calibration.BLOCK2_LENGTH];
        i2c.readRegister(REG_CALIB1, block1, 0, block1.length);
        i2c.readRegister(REG_CALIB2, block2, 0, block2.length);
        return Bme280Calibration.parse(block1, block2);
    }

    private void awaitMeasurement() throws SensorException {
        for (int poll = 0; poll < MAX_STATUS_POLLS; poll++) {
            if ((i2c.readRegister(REG_STATUS) & MEASURING) == 0) {
                return;
            }
            try {
                Thread.sleep(1); // the chip gives no interrupt; the datasheet's way is to poll the status
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SensorException(where + ": interrupted while measuring", false, e);
            }
        }
        throw new SensorException(where + ": measurement did not finish", false);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
