package dev.roost.web.devices;

/**
 * The result of one command: accepted, rejected naming the field at fault and why, or refused before anything
 * was sent because the device is offline or the user may not command it.
 */
public record CommandResult(Kind kind, String field, String detail) {

    /** What became of a command; each maps to one HTTP status. */
    public enum Kind { ACCEPTED, INVALID, OFFLINE, FORBIDDEN }

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    public static CommandResult ok() {
        return new CommandResult(Kind.ACCEPTED, null, null);
    }

    public static CommandResult rejected(String field, String detail) {
        return new CommandResult(Kind.INVALID, field, detail);
    }

    public static CommandResult offline(String detail) {
        return new CommandResult(Kind.OFFLINE, null, detail);
    }

    public static CommandResult forbidden(String detail) {
        return new CommandResult(Kind.FORBIDDEN, null, detail);
    }
}
