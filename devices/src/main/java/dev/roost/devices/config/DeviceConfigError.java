package dev.roost.devices.config;

/** One reason a device declaration cannot be used, naming the device, the offending field and why. */
public record DeviceConfigError(String deviceId, String field, String reason) {
}
