package dev.roost.devices.device;

/**
 * The answer to one command: accepted, or rejected naming the field at fault (null when the command as a
 * whole is wrong) and why.
 */
public record CommandOutcome(boolean accepted, String field, String detail) {

    private static final CommandOutcome ACCEPTED = new CommandOutcome(true, null, null);

    public static CommandOutcome ok() {
        return ACCEPTED;
    }

    public static CommandOutcome rejected(String field, String detail) {
        return new CommandOutcome(false, field, detail);
    }
}
