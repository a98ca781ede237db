package dev.roost.hub.cli;

/**
 * {@code user add NAME [--admin]}, {@code user passwd NAME}, {@code user rm NAME} or {@code user list}.
 *
 * @param name null for {@code list}
 */
public record UserCommand(Action action, String name, boolean admin) {

    /** What to do to the user. */
    public enum Action {
        ADD("add"), PASSWD("passwd"), RM("rm"), LIST("list");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean needsPassword() {
            return this == ADD || this == PASSWD;
        }

        static Action of(String word) throws CommandLine.UsageException {
            for (Action action : values()) {
                if (action.word.equals(word)) {
                    return action;
                }
            }
            throw new CommandLine.UsageException("unknown user command '" + word + "' (add, passwd, rm, list)");
        }
    }

    static UserCommand parse(java.util.List<String> words, boolean admin) throws CommandLine.UsageException {
        if (words.size() < 2 || !words.get(0).equals("user")) {
            throw new CommandLine.UsageException("unexpected argument '" + words.get(0) + "' (see --help)");
        }
        Action action = Action.of(words.get(1));
        int expected = action == Action.LIST ? 2 : 3;
        if (words.size() != expected) {
            throw new CommandLine.UsageException(action == Action.LIST ? "user list takes no name"
                    : "user " + action.word() + " needs exactly one user name");
        }
        if (admin && action != Action.ADD) {
            throw new CommandLine.UsageException("--admin goes only with user add");
        }
        return new UserCommand(action, action == Action.LIST ? null : words.get(2), admin);
    }
}
