package dev.roost.devices.discovered.component;

import dev.roost.devices.discovered.Entity;
import dev.roost.devices.discovered.EntityConfig;
import dev.roost.devices.discovered.Options;

/**
 * Builds the entity of each Home Assistant component Roost knows; any other component is listed read-only, its
 * {@code state_topic} shown as it reads, never dropped.
 */
public final class Components {

    private Components() {
    }

    public static Entity create(EntityConfig config) {
        Options options = new Options(config.config());
        return switch (config.component()) {
            case "sensor" -> new SensorEntity(config, options);
            case "binary_sensor" -> new BinarySensorEntity(config, options);
            case "switch", "fan", "siren", "humidifier" -> new SwitchEntity(config, options);
            case "light" -> "json".equals(options.text("schema", "basic"))
                    ? new JsonLightEntity(config, options) : new LightEntity(config, options);
            case "lock" -> new LockEntity(config, options);
            case "climate" -> new ClimateEntity(config, options);
            case "cover" -> new CoverEntity(config, options);
            case "number" -> new NumberEntity(config, options);
            case "select" -> new SelectEntity(config, options);
            case "button" -> new ButtonEntity(config, options);
            default -> {
                options.problem("component '" + config.component() + "' is not supported yet; shown read-only");
                yield new SensorEntity(config, options);
            }
        };
    }
}
