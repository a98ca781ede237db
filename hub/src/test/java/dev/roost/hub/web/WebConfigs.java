package dev.roost.hub.web;

import dev.roost.hub.config.ConfigLoader;
import dev.roost.hub.config.HubConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hub configurations for web tests: many simulated sensors, or one device with a hostile name. */
public final class WebConfigs {

    private WebConfigs() {
    }

    /** {@code count} simulated DS18B20 sensors, {@code sensor-000} and on. */
    public static HubConfig sensors(Path folder, int count) throws Exception {
        StringBuilder yaml = new StringBuilder("devices:\n  list:\n");
        for (int i = 0; i < count; i++) {
            yaml.append(String.format(
                    "    - { id: sensor-%03d, type: ds18b20, name: \"Sensor %d\", address: 28-%012x }%n", i, i, i + 1));
        }
        return load(folder, yaml.toString());
    }

    /** One switch named {@code name}, written as a quoted YAML string. */
    public static HubConfig switchNamed(Path folder, String name) throws Exception {
        return load(folder,
                "devices:\n  list:\n    - { id: odd, type: digital-out, pin: 17, name: \"" + name + "\" }\n");
    }

    private static HubConfig load(Path folder, String yaml) throws Exception {
        Files.createDirectories(folder);
        return new ConfigLoader().load(Files.writeString(folder.resolve("roost.yaml"), yaml));
    }
}
