package dev.roost.hub.users;

import dev.roost.web.auth.Account;
import dev.roost.web.auth.BearerTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A bearer token, new at every start, written to {@code DATA/cli-token} readable only by the hub's own user, so
 * the command line ({@code roost.jar user ...}) can manage users through the running hub: whoever can read the
 * data folder could edit the database anyway.
 */
public final class LocalAdminToken implements BearerTokens {

    public static final String FILE_NAME = "cli-token";
    /** Who the token acts as, in logs and answers; not a user one can log in as. */
    static final Account ACCOUNT = new Account("local-admin", true, false);

    private final byte[] token;
    private final Path file;

    private LocalAdminToken(byte[] token, Path file) {
        this.token = token;
        this.file = file;
    }

    /** Writes a fresh token to {@code dataDir}; the previous run's token stops working. */
    public static LocalAdminToken create(Path dataDir) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = dataDir.resolve(FILE_NAME);
        SecretFile.write(file, text);
        return new LocalAdminToken(text.getBytes(StandardCharsets.US_ASCII), file);
    }

    /** The token of the hub running on {@code dataDir}, if one is. */
    public static Optional<String> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    @Override
    public Optional<Account> resolve(String candidate) {
        boolean matches = MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(ACCOUNT) : Optional.empty();
    }

    /** Removes the file on a clean stop, so the command line knows no hub is answering. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
