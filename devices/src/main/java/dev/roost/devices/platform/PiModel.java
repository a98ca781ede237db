package dev.roost.devices.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detected Raspberry Pi: the model string and its generation, which decides the GPIO chip and PWM chip.
 *
 * @param generation 5 for a Pi 5, 4 for a Pi 4 and so on; 0 for boards like the Zero or Compute Module whose
 *                   string names no generation
 */
public record PiModel(String description, int generation) {

    private static final Pattern RASPBERRY = Pattern.compile("^Raspberry Pi(?: (\\d+))?");

    /** The Pi described by a device-tree model string, or empty when the string is not a Raspberry Pi's. */
    public static Optional<PiModel> parse(String model) {
        Matcher m = RASPBERRY.matcher(model);
        if (!m.find()) {
            return Optional.empty();
        }
        int generation = m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
        return Optional.of(new PiModel(model, generation));
    }

    /**
     * The Pi 5 drives its header through the RP1 chip: the old memory-mapped GPIO (pigpio) does not work there,
     * and its header PWM is pwmchip2 where earlier Pis use pwmchip0.
     */
    public boolean isPi5OrLater() {
        return generation >= 5;
    }
}
