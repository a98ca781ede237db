package dev.roost.devices.sensor.bme280;

/**
 * The trimming parameters every BME280 stores at the factory (datasheet section 4.2.2, table 16), which the
 * compensation formulas need to turn raw ADC values into units.
 */
public record Bme280Calibration(int t1, int t2, int t3,
                                int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8, int p9,
                                int h1, int h2, int h3, int h4, int h5, int h6) {

    /** Bytes of the first block, registers 0x88..0xA1 (dig_T1..dig_P9, a reserved byte, dig_H1). */
    public static final int BLOCK1_LENGTH = 26;
    /** Bytes of the second block, registers 0xE1..0xE7 (dig_H2..dig_H6). */
    public static final int BLOCK2_LENGTH = 7;

    /** Decodes the two register blocks; words are little-endian, H4 and H5 share register 0xE5. */
    public static Bme280Calibration parse(byte[] block1, byte[] block2) {
        if (block1.length < BLOCK1_LENGTH || block2.length < BLOCK2_LENGTH) {
            throw new IllegalArgumentException("calibration blocks must be " + BLOCK1_LENGTH + " and "
                    + BLOCK2_LENGTH + " bytes, got " + block1.length + " and " + block2.length);
        }
        return new Bme280Calibration(
                u16(block1, 0), s16(block1, 2), s16(block1, 4),
                u16(block1, 6), s16(block1, 8), s16(block1, 10), s16(block1, 12), s16(block1, 14),
                s16(block1, 16), s16(block1, 18), s16(block1, 20), s16(block1, 22),
                block1[25] & 0xFF,
                s16(block2, 0),
                block2[2] & 0xFF,
                (block2[3] << 4) | (block2[4] & 0x0F),        // E4 is the signed high part
                (block2[5] << 4) | ((block2[4] & 0xFF) >> 4), // E6 is the signed high part
                block2[6]);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    private static int s16(byte[] b, int at) {
        return (short) u16(b, at);
    }
}
