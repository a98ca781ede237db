package dev.roost.devices.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether this machine is a Raspberry Pi by reading the device tree's model string, which the
 * firmware fills on every Pi ({@code Raspberry Pi 5 Model B Rev 1.0}). Never throws: a machine without the
 * file, or with a file it cannot read, is simply not a Pi.
 */
public final class PiDetector {

    /** Where the kernel exposes the model; the first is a symlink to the second on Raspberry Pi OS. */
    public static final List<Path> MODEL_FILES = List.of(
            Path.of("/proc/device-tree/model"), Path.of("/sys/firmware/devicetree/base/model"));

    private final List<Path> modelFiles;

    public PiDetector() {
        this(MODEL_FILES);
    }

    /** A detector reading other files, for tests. */
    public PiDetector(List<Path> modelFiles) {
        this.modelFiles = List.copyOf(modelFiles);
    }

    /** The Pi this runs on, or empty on anything else. */
    public Optional<PiModel> detect() {
        for (Path file : modelFiles) {
            Optional<String> model = readModel(file);
            if (model.isPresent()) {
                return PiModel.parse(model.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> readModel(Path file) {
        try {
            if (!Files.isReadable(file)) {
                return Optional.empty();
            }
            // The device tree stores the string NUL-terminated.
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).replace("\u0000", "").trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty(); // an unreadable model file is the same answer as a missing one: not a Pi
        }
    }
}
