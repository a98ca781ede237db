package dev.roost.web.devices;

/** The validation result of one command: accepted, or rejected naming the field at fault and why. */
public record CommandResult(boolean accepted, String field, String detail) {

    public static CommandResult ok() {
        return new CommandResult(true, null, null);
    }

    public static CommandResult rejected(String field, String detail) {
        return new CommandResult(false, field, detail);
    }
}
