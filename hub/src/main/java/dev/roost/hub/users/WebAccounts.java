package dev.roost.hub.users;

import dev.roost.web.auth.Account;
import dev.roost.web.auth.Accounts;
import dev.roost.web.users.UserAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The user store as the web UI sees it; a chosen password also removes the generated initial one from disk. */
public final class WebAccounts implements Accounts, UserAdmin {

    private final UserStore users;
    private final Path dataDir;
    private final Runnable usersChanged;

    /** @param usersChanged told after a user is added or removed, e.g. to refresh who is an admin */
    public WebAccounts(UserStore users, Path dataDir, Runnable usersChanged) {
        this.users = users;
        this.dataDir = dataDir;
        this.usersChanged = usersChanged;
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
        if (!setPassword(username, newPassword)) {
            throw new IllegalArgumentException("no user " + username);
        }
    }

    @Override
    public List<Account> list() {
        return users.list();
    }

    @Override
    public String nameProblem(String name) {
        return UserStore.nameProblem(name);
    }

    @Override
    public String passwordProblem(String password) {
        return UserStore.passwordProblem(password);
    }

    @Override
    public boolean add(String name, String password, boolean admin) {
        boolean added = users.add(name, password, admin, false);
        usersChanged.run();
        return added;
    }

    @Override
    public boolean remove(String name) {
        boolean removed = users.remove(name);
        usersChanged.run();
        return removed;
    }

    @Override
    public boolean setPassword(String username, String password) {
        if (!users.setPassword(username, password, false)) {
            return false;
        }
        if (InitialAdmin.NAME.equals(username)) {
            try {
                InitialAdmin.forget(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }
}
