package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Expands the abbreviated keys discovery configs may use ({@code stat_t}, {@code cmd_t}, {@code dev.ids}, ...) to
 * their full names, in the same places Home Assistant does: the entity's keys, each availability entry, the
 * device and origin blocks, and each component of a device-based config. Immutable and thread-safe.
 */
final class Abbreviations {

    private static final String RESOURCE = "abbreviations.properties";

    private final Map<String, String> entity;
    private final Map<String, String> device;
    private final Map<String, String> origin;

    private Abbreviations(Map<String, String> entity, Map<String, String> device, Map<String, String> origin) {
        this.entity = entity;
        this.device = device;
        this.origin = origin;
    }

    /** Home Assistant's table, read from this package's resource. */
    static Abbreviations homeAssistant() {
        Properties table = new Properties();
        try (InputStream in = Abbreviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> scopes = new HashMap<>();
        for (String key : table.stringPropertyNames()) {
            int dot = key.indexOf('.');
            scopes.computeIfAbsent(key.substring(0, dot), s -> new HashMap<>())
                    .put(key.substring(dot + 1), table.getProperty(key));
        }
        return new Abbreviations(Map.copyOf(scopes.get("entity")), Map.copyOf(scopes.get("device")),
                Map.copyOf(scopes.get("origin")));
    }

    /** Expands a whole config in place; a device-based one's components as well. */
    void expand(ObjectNode config) {
        expandEntity(config);
        if (config.get("origin") instanceof ObjectNode block) {
            rename(block, origin);
        }
        if (config.get("device") instanceof ObjectNode block) {
            rename(block, device);
        }
        if (config.get("components") instanceof ObjectNode components) {
            components.forEach(component -> {
                if (component instanceof ObjectNode one) {
                    expandEntity(one);
                }
            });
        }
    }

    private void expandEntity(ObjectNode config) {
        rename(config, entity);
        JsonNode availability = config.get("availability");
        if (availability instanceof ObjectNode one) {
            rename(one, entity);
        } else if (availability != null && availability.isArray()) {
            availability.forEach(entry -> {
                if (entry instanceof ObjectNode one) {
                    rename(one, entity);
                }
            });
        }
    }

    private static void rename(ObjectNode node, Map<String, String> names) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            String full = names.get(key);
            if (full != null && !full.equals(key)) {
                node.set(full, node.remove(key));
            }
        }
    }
}
