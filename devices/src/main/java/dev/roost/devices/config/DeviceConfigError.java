package dev.roost.devices.config;

/**
 * One reason a device declaration cannot be used: its position in the list (from 0, so a config loader can
 * find its line), the device, the offending field and why.
 */
public record DeviceConfigError(int index, String deviceId, String field, String reason) {

    /** The message a user reads, e.g. {@code devices[2] (relay).pin: GPIO 22 is already used by 'button'}. */
    public String describe() {
        return "devices[" + index + "]" + (deviceId != null && !deviceId.isEmpty() ? " (" + deviceId + ")" : "")
                + "." + field + ": " + reason;
    }
}
