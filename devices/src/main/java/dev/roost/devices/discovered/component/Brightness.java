package dev.roost.devices.discovered.component;

/** Brightness between Roost's percent and a light's own scale ({@code brightness_scale}, 255 by default). */
record Brightness(double scale) {

    static final double DEFAULT_SCALE = 255;

    int toPercent(double raw) {
        return (int) Math.max(0, Math.min(100, Math.round(raw * 100 / scale)));
    }

    long toDevice(int percent) {
        return Math.round(percent * scale / 100);
    }
}
