package dev.roost.devices.device;

/**
 * The answer to one command: accepted, or rejected naming the field at fault (null when the command as a
 * whole is wrong) and why; {@code unavailable} when the device is offline, so nothing was sent.
 */
public record CommandOutcome(boolean accepted, String field, String detail, boolean unavailable) {

    private static final CommandOutcome ACCEPTED = new CommandOutcome(true, null, null, false);

    public CommandOutcome(boolean accepted, String field, String detail) {
        this(accepted, field, detail, false);
    }

    public static CommandOutcome ok() {
        return ACCEPTED;
    }

    public static CommandOutcome rejected(String field, String detail) {
        return new CommandOutcome(false, field, detail, false);
    }

    public static CommandOutcome offline(String detail) {
        return new CommandOutcome(false, null, detail, true);
    }
}
