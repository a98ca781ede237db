package dev.roost.devices.sensor.bme280;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The temperature and pressure formulas of the BME280 are those of the BMP280, whose datasheet (BST-BMP280-DS001,
 * section 3.12, "compensation formula example") works one measurement through with these trimming values.
 */
class Bme280CompensationTest {

    static final int ADC_T = 519888;
    static final int ADC_P = 415148;

    /** dig_T1..T3 and dig_P1..P9 of the datasheet example; the humidity words of a typical chip. */
    static final Bme280Calibration DATASHEET = new Bme280Calibration(
            27504, 26435, -1000,
            36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
            75, 362, 0, 313, 50, 30);

    private final Bme280Compensation compensation = new Bme280Compensation(DATASHEET);

    @Test
    void temperatureMatchesTheDatasheetExample() {
        double tFine = compensation.tFine(ADC_T);

        assertThat(tFine).isCloseTo(128422.29, within(0.01));
        assertThat(tFine / 5120.0).isCloseTo(25.08, within(0.005));
    }

    @Test
    void pressureMatchesTheDatasheetExample() {
        double pascal = compensation.pressure(ADC_P, compensation.tFine(ADC_T));

        assertThat(pascal).isCloseTo(100653.27, within(0.01));
    }

    @Test
    void pressureIsZeroRatherThanDividingByZeroWhenP1IsZero() {
        Bme280Calibration broken = new Bme280Calibration(27504, 26435, -1000,
                0, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000, 75, 362, 0, 313, 50, 30);

        assertThat(new Bme280Compensation(broken).pressure(ADC_P, 128422.0)).isZero();
    }

    @Test
    void humidityRisesWithItsRawValueAndIsClampedTo0To100() {
        double tFine = compensation.tFine(ADC_T);

        double low = compensation.humidity(20000, tFine);
        double mid = compensation.humidity(30000, tFine);
        assertThat(low).isBetween(0.0, 100.0);
        assertThat(mid).isGreaterThan(low).isLessThanOrEqualTo(100.0);
        assertThat(compensation.humidity(0, tFine)).isZero();
        assertThat(compensation.humidity(65535, tFine)).isEqualTo(100.0);
    }

    @Test
    void calibrationRegistersDecodeLittleEndianWithTheSharedH4H5Register() {
        byte[] block1 = {
                (byte) 0x70, (byte) 0x6B, // T1 27504
                (byte) 0x43, (byte) 0x67, // T2 26435
                (byte) 0x18, (byte) 0xFC, // T3 -1000
                (byte) 0x7D, (byte) 0x8E, // P1 36477
                (byte) 0x43, (byte) 0xD6, // P2 -10685
                (byte) 0xD0, (byte) 0x0B, // P3 3024
                (byte) 0x27, (byte) 0x0B, // P4 2855
                (byte) 0x8C, (byte) 0x00, // P5 140
                (byte) 0xF9, (byte) 0xFF, // P6 -7
                (byte) 0x8C, (byte) 0x3C, // P7 15500
                (byte) 0xF8, (byte) 0xC6, // P8 -14600
                (byte) 0x70, (byte) 0x17, // P9 6000
                0, 75};                   // reserved, H1
        byte[] block2 = {
                (byte) 0x6A, (byte) 0x01, // H2 362
                0,                        // H3
                (byte) 0x13, (byte) 0x29, // H4 = 0x13 << 4 | 0x9 = 313; H5 low nibble 0x2
                (byte) 0x03,              // H5 = 0x03 << 4 | 0x2 = 50
                (byte) 0x1E};             // H6 30

        assertThat(Bme280Calibration.parse(block1, block2)).isEqualTo(DATASHEET);
    }
}
