package dev.roost.hub.users;

import dev.roost.web.auth.Account;
import dev.roost.web.auth.Accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** The user store as the web UI sees it; a chosen password also removes the generated initial one from disk. */
public final class WebAccounts implements Accounts {

    private final UserStore users;
    private final Path dataDir;

    public WebAccounts(UserStore users, Path dataDir) {
        this.users = users;
        this.dataDir = dataDir;
    }

    @Override
    public Optional<Account> verify(String username, String password) {
        return users.verify(username, password);
    }

    @Override
    public Optional<Account> find(String username) {
        return users.find(username);
    }

    @Override
    public void changePassword(String username, String newPassword) {
        if (!users.setPassword(username, newPassword, false)) {
            throw new IllegalArgumentException("no user " + username);
        }
        if (InitialAdmin.NAME.equals(username)) {
            try {
                InitialAdmin.forget(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
