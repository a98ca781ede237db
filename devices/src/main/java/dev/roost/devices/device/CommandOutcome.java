package dev.roost.devices.device;

/**
 * The answer to one command: accepted, or why not. A rejected command names the field at fault (null when the
 * command as a whole is wrong); an offline device or a topic the sender may not publish to is refused before
 * anything is sent.
 */
public record CommandOutcome(Kind kind, String field, String detail) {

    /** What became of a command. */
    public enum Kind { ACCEPTED, INVALID, OFFLINE, FORBIDDEN }

    private static final CommandOutcome ACCEPTED = new CommandOutcome(Kind.ACCEPTED, null, null);

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    public static CommandOutcome ok() {
        return ACCEPTED;
    }

    public static CommandOutcome rejected(String field, String detail) {
        return new CommandOutcome(Kind.INVALID, field, detail);
    }

    public static CommandOutcome offline(String detail) {
        return new CommandOutcome(Kind.OFFLINE, null, detail);
    }

    public static CommandOutcome forbidden(String detail) {
        return new CommandOutcome(Kind.FORBIDDEN, null, detail);
    }
}
