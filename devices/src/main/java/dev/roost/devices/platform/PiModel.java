package dev.roost.devices.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detected Raspberry Pi: the model string and its generation, which decide the PWM chip and channels.
 *
 * @param generation 5 for a Pi 5 (and Pi 500, CM5), 4 for a Pi 4 and so on; 0 for boards like the Zero whose
 *                   string names no generation
 */
public record PiModel(String description, int generation) {

    private static final Pattern RASPBERRY = Pattern.compile("^Raspberry Pi(?: Compute Module)? ?(\\d*)");
    /** The header PWM of a Pi 5 (RP1) is pwmchip2; older Pis expose it as pwmchip0 with the pwm overlay. */
    private static final int PI5_PWM_CHIP = 2;
    private static final int PWM_CHIP = 0;

    /** The Pi described by a device-tree model string, or empty when the string is not a Raspberry Pi's. */
    public static Optional<PiModel> parse(String model) {
        Matcher m = RASPBERRY.matcher(model);
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = m.group(1);
        // "Raspberry Pi 500" is a Pi 5 in a keyboard: the first digit is the generation.
        int generation = digits.isEmpty() ? 0 : Character.digit(digits.charAt(0), 10);
        return Optional.of(new PiModel(model, generation));
    }

    /**
     * The Pi 5 drives its header through the RP1 chip: the old memory-mapped GPIO (pigpio) does not work there,
     * and its header PWM is another chip with other channel numbers.
     */
    public boolean isPi5OrLater() {
        return generation >= 5;
    }

    /** The /sys/class/pwm chip of the header's hardware PWM. */
    public int pwmChip() {
        return isPi5OrLater() ? PI5_PWM_CHIP : PWM_CHIP;
    }

    /**
     * The channel of the PWM chip that drives a header GPIO: on a Pi 5, GPIO 12, 13, 18, 19 are channels 0-3;
     * before it, GPIO 12 and 18 share channel 0 and GPIO 13 and 19 share channel 1.
     *
     * @throws IllegalArgumentException for a GPIO without hardware PWM (the config validator rejects those)
     */
    public int pwmChannel(int gpio) {
        return switch (gpio) {
            case 12 -> 0;
            case 13 -> 1;
            case 18 -> isPi5OrLater() ? 2 : 0;
            case 19 -> isPi5OrLater() ? 3 : 1;
            default -> throw new IllegalArgumentException("GPIO " + gpio + " has no hardware PWM");
        };
    }
}
