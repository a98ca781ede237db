package dev.roost.devices.config;

import java.util.List;
import java.util.Locale;

/**
 * The two words a digital output's state is written in, by role: a switch is {@code ON}/{@code OFF}, a lock is
 * {@code UNLOCKED}/{@code LOCKED} (energised solenoid = unlocked) and is commanded with {@code LOCK}/{@code UNLOCK}.
 *
 * @param active   the state word when the output is driven (logically on)
 * @param inactive the state word when it is not
 * @param activate the command word that drives it; {@code deactivate} releases it
 */
public record OutputStates(String active, String inactive, String activate, String deactivate) {

    public static final OutputStates SWITCH = new OutputStates("ON", "OFF", "ON", "OFF");
    public static final OutputStates LOCK = new OutputStates("UNLOCKED", "LOCKED", "UNLOCK", "LOCK");

    /** The words of a role of {@link DeviceType#DIGITAL_OUT}. */
    public static OutputStates of(String role) {
        return "lock".equals(role) ? LOCK : SWITCH;
    }

    /** The state words, as config values and published states use them. */
    public List<String> names() {
        return List.of(active, inactive);
    }

    /** Whether a configured state word (any case) means active; the word must be one of {@link #names()}. */
    public boolean isActive(String word) {
        return active.equals(word.toUpperCase(Locale.ROOT));
    }

    public String word(boolean isActive) {
        return isActive ? active : inactive;
    }
}
