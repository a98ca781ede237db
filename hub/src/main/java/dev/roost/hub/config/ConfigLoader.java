package dev.roost.hub.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the YAML config file; every error names the file, the line and the key. The device list is checked as a
 * whole, so every mistake in it is reported at once, one per line.
 */
public final class ConfigLoader {

    /** A config file that cannot be used; the message is meant for the user as it is. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    public HubConfig load(Path file) throws ConfigException {
        if (file == null) {
            return HubConfig.defaults();
        }
        try {
            if (Files.size(file) == 0) {
                return HubConfig.defaults(); // an empty file sets nothing, so everything takes its default
            }
            HubConfig config = yaml.readValue(file.toFile(), HubConfig.class);
            if (config == null) {
                return HubConfig.defaults();
            }
            String deviceProblems = DeviceListCheck.problems(yaml, file, config.devices());
            if (!deviceProblems.isEmpty()) {
                throw new ConfigException(deviceProblems);
            }
            return config;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ConfigException(file + ": file not found");
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e, yaml));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String describe(Path file, JsonProcessingException e, ObjectMapper yaml) {
        JsonLocation where = e.getLocation();
        List<String> keyPath = e.getCause() instanceof InvalidSettingException invalid
                ? List.of(invalid.key().split("\\."))
                : e instanceof JsonMappingException mapping ? path(mapping) : List.of();
        if (!keyPath.isEmpty()) {
            JsonLocation keyLocation = KeyLocator.locate(yaml, file.toFile(), keyPath);
            where = keyLocation != null ? keyLocation : where;
        }
        String position = where != null ? ":" + where.getLineNr() + ":" + where.getColumnNr() : "";
        String key = String.join(".", keyPath).replace(".[", "[");
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            reason = "unknown key '" + unknown.getPropertyName() + "'";
        } else if (e.getCause() instanceof IllegalArgumentException invalid) {
            reason = invalid.getMessage();
        } else {
            reason = e.getOriginalMessage().lines().findFirst().orElse("invalid value");
        }
        return file + position + (key.isEmpty() ? "" : ": " + key) + ": " + reason;
    }

    private static List<String> path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .toList();
    }
}
