package dev.roost.hub.config;

/** Range checks for config values; the message names the key, the config loader adds file and line. */
final class Ranges {

    private Ranges() {
    }

    static int port(String key, int value) {
        return between(key, value, 0, 65535);
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static long between(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
