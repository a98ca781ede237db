package dev.roost.web.devices;

/**
 * The validation result of one command: accepted, or rejected naming the field at fault and why;
 * {@code unavailable} when the device is offline and nothing was sent.
 */
public record CommandResult(boolean accepted, String field, String detail, boolean unavailable) {

    public static CommandResult ok() {
        return new CommandResult(true, null, null, false);
    }

    public static CommandResult rejected(String field, String detail) {
        return new CommandResult(false, field, detail, false);
    }

    public static CommandResult offline(String detail) {
        return new CommandResult(false, null, detail, true);
    }
}
