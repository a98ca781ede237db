package dev.roost.hub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The ports the hub actually listens on, written to {@code DATA/ports.json} once it is ready (contract:
 * {@code {"mqtt":N,"ws":N,"http":N}}, plus {@code "mqtts":N,"wss":N} while the TLS listeners are on). Written to a temporary
 * file and moved, so a reader never sees half.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ports(int mqtt, int ws, int http, Integer mqtts, Integer wss) {

    public static final String FILE_NAME = "ports.json";

    public void writeTo(Path dataDir) throws IOException {
        Path target = dataDir.resolve(FILE_NAME);
        Path temp = dataDir.resolve(FILE_NAME + ".tmp");
        new ObjectMapper().writeValue(temp.toFile(), this);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Ports readFrom(Path dataDir) throws IOException {
        return new ObjectMapper().readValue(dataDir.resolve(FILE_NAME).toFile(), Ports.class);
    }
}
