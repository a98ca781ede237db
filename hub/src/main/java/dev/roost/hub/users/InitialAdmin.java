package dev.roost.hub.users;

import dev.roost.web.auth.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Creates user {@code admin} when there is no admin, i.e. on the first start (ARCHITECTURE.md): with {@code ROOST_ADMIN_PASSWORD} when set,
 * otherwise with a random password written to {@code DATA/initial-admin-password} and logged once, which the
 * first login must replace.
 */
public final class InitialAdmin {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    public static final String NAME = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";
    /** No 0/O or 1/l/I: it is typed from a log line on a phone. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 20;

    private InitialAdmin() {
    }

    /**
     * Does nothing when an admin exists. Users added from the command line before the first start are not
     * admins unless asked, so "no admin" rather than "no users" decides.
     */
    public static void ensure(UserStore users, Path dataDir, String configuredPassword) throws IOException {
        if (users.list().stream().anyMatch(Account::admin)) {
            return;
        }
        if (users.find(NAME).isPresent()) {
            throw new IllegalStateException("there is no admin, and user '" + NAME + "' exists but is not one;"
                    + " add an admin with: roost.jar --data DIR user add NAME --admin");
        }
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            String problem = UserStore.passwordProblem(configuredPassword);
            if (problem != null) {
                throw new IllegalArgumentException("ROOST_ADMIN_PASSWORD: " + problem);
            }
            users.add(NAME, configuredPassword, true, false);
            log.atInfo().addKeyValue("user", NAME).log("created the admin user with ROOST_ADMIN_PASSWORD");
            return;
        }
        String password = generate(new SecureRandom());
        Path file = dataDir.resolve(PASSWORD_FILE);
        SecretFile.write(file, password + "\n");
        users.add(NAME, password, true, true);
        log.atWarn().addKeyValue("user", NAME).addKeyValue("file", file.toAbsolutePath())
                .log("created the admin user with password {} (also in the file); the first login asks for a new one",
                        password);
    }

    /** Once the admin has chosen a password, the generated one must not linger on disk. */
    public static void forget(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(PASSWORD_FILE));
    }

    static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
