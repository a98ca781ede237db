package dev.roost.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name value} / {@code --name=value} options. Scenarios pull the flags they understand; whatever is left
 * afterwards is a mistake, reported as a {@link UsageException} rather than silently ignored.
 */
final class Flags {
    private final Map<String, String> values = new LinkedHashMap<>();

    Flags(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "' (flags look like --name value)");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new UsageException("flag --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new UsageException("flag --" + name + " given twice");
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        String v = values.remove(name);
        return v == null ? fallback : v;
    }

    long integer(String name, long fallback, long min, long max) {
        String v = values.remove(name);
        if (v == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    int intValue(String name, int fallback, int min, int max) {
        return (int) integer(name, fallback, min, max);
    }

    /** Durations are given in seconds, fractions allowed, so tests can ask for half a second. */
    Duration seconds(String name, Duration fallback, double min, double max) {
        String v = values.remove(name);
        if (v == null) {
            return fallback;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number of seconds, got '" + v + "'");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + " seconds, got " + v);
        }
        return Duration.ofNanos(Math.round(parsed * 1e9));
    }

    MqttQoS qos(MqttQoS fallback) {
        return MqttQoS.valueOf(intValue("qos", fallback.value(), 0, 2));
    }

    void rejectLeftovers(String scenario) {
        if (!values.isEmpty()) {
            throw new UsageException("unknown flag --" + values.keySet().iterator().next() + " for " + scenario
                    + " (see --help)");
        }
    }
}
