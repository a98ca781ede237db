package dev.roost.hub.config;

/**
 * Range checks for optional config values: a missing value takes its default, a present one must lie in its
 * range. The message names the key; the config loader adds file and line.
 */
final class Ranges {

    private Ranges() {
    }

    static int port(String key, Integer value, int fallback) {
        return between(key, value, 0, 65535, fallback);
    }

    static int between(String key, Integer value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        return (int) between(key, value.longValue(), min, max, fallback);
    }

    static long between(String key, Long value, long min, long max, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
