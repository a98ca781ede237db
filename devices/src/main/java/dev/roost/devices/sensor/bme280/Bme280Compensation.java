package dev.roost.devices.sensor.bme280;

/**
 * The BME280 compensation formulas in double precision, as given in the datasheet (section 8.1): temperature
 * first, because its intermediate {@code t_fine} feeds pressure and humidity.
 *
 * <p>Immutable and thread-safe.
 */
public final class Bme280Compensation {

    private final Bme280Calibration c;

    public Bme280Compensation(Bme280Calibration calibration) {
        this.c = calibration;
    }

    /** One compensated measurement: °C, Pa and %RH, with the temperature fine value the others used. */
    public record Measurement(double tFine, double celsius, double pascal, double relativeHumidity) {
    }

    public Measurement compensate(int adcT, int adcP, int adcH) {
        double tFine = tFine(adcT);
        return new Measurement(tFine, tFine / 5120.0, pressure(adcP, tFine), humidity(adcH, tFine));
    }

    /** The fine temperature {@code t_fine}; the temperature in °C is {@code t_fine / 5120}. */
    public double tFine(int adcT) {
        double var1 = (adcT / 16384.0 - c.t1() / 1024.0) * c.t2();
        double x = adcT / 131072.0 - c.t1() / 8192.0;
        double var2 = x * x * c.t3();
        return var1 + var2;
    }

    /** Pressure in Pa; 0 when the calibration would divide by zero, as the datasheet specifies. */
    public double pressure(int adcP, double tFine) {
        double var1 = tFine / 2.0 - 64000.0;
        double var2 = var1 * var1 * c.p6() / 32768.0;
        var2 = var2 + var1 * c.p5() * 2.0;
        var2 = var2 / 4.0 + c.p4() * 65536.0;
        var1 = (c.p3() * var1 * var1 / 524288.0 + c.p2() * var1) / 524288.0;
        var1 = (1.0 + var1 / 32768.0) * c.p1();
        if (var1 == 0.0) {
            return 0; // avoid a division by zero [datasheet 8.1]
        }
        double p = 1048576.0 - adcP;
        p = (p - var2 / 4096.0) * 6250.0 / var1;
        var1 = c.p9() * p * p / 2147483648.0;
        var2 = p * c.p8() / 32768.0;
        return p + (var1 + var2 + c.p7()) / 16.0;
    }

    /** Relative humidity in %, clamped to 0..100 as the datasheet specifies. */
    public double humidity(int adcH, double tFine) {
        double h = tFine - 76800.0;
        h = (adcH - (c.h4() * 64.0 + c.h5() / 16384.0 * h))
                * (c.h2() / 65536.0 * (1.0 + c.h6() / 67108864.0 * h * (1.0 + c.h3() / 67108864.0 * h)));
        h = h * (1.0 - c.h1() * h / 524288.0);
        return Math.max(0.0, Math.min(100.0, h));
    }
}
