package dev.roost.hub.users;

import dev.roost.web.auth.Account;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hub's users in the {@code users} table, with PBKDF2 password hashes.
 *
 * <p>Thread-safe: every call uses its own connection from the pool.
 */
public final class UserStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final DataSource db;
    private final PasswordHash hasher;
    /**
     * Verified against when a name is unknown, so a wrong name takes as long as a wrong password. Made on first
     * need rather than at every start, where one key stretch costs a Pi most of a second; only the first unknown
     * name after a start pays for it twice.
     */
    private volatile String decoy;
    /**
     * Passwords proven right since start, so a device reconnecting every minute does not cost a key stretch each
     * time. A wrong password never matches an entry, so guessing still pays the full price.
     */
    private final VerifiedPasswords verified = new VerifiedPasswords();

    public UserStore(DataSource db, PasswordHash hasher) {
        this.db = db;
        this.hasher = hasher;
    }

    /** Why {@code name} cannot be a user name, or null when it can. */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a user name is required";
        }
        return NAME.matcher(name).matches() ? null
                : "use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    }

    /** Why {@code password} is not acceptable, or null when it is. */
    public static String passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return "use at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        return null;
    }

    /** @return false when the name is taken */
    public boolean add(String name, String password, boolean admin, boolean mustChangePassword) {
        requireValid(name, password);
        String sql = "INSERT INTO users (name, password_hash, admin, must_change_password, created_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, hasher.hash(password));
            s.setBoolean(3, admin);
            s.setBoolean(4, mustChangePassword);
            s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not add user " + name, e);
        }
    }

    /** @return false when there is no such user */
    public boolean remove(String name) {
        return update("DELETE FROM users WHERE name = ?", name) > 0;
    }

    /** @return false when there is no such user */
    public boolean setPassword(String name, String password, boolean mustChangePassword) {
        requireValid(name, password);
        String sql = "UPDATE users SET password_hash = ?, must_change_password = ? WHERE name = ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, hasher.hash(password));
            s.setBoolean(2, mustChangePassword);
            s.setString(3, name);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the password of " + name, e);
        }
    }

    public List<Account> list() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT name, admin, must_change_password FROM users ORDER BY name");
             ResultSet rows = s.executeQuery()) {
            List<Account> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(new Account(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)));
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list users", e);
        }
    }

    /** @return the account when the name exists and the password is right; takes as long either way */
    public Optional<Account> verify(String username, String password) {
        Optional<StoredUser> user = load(username);
        if (password == null) {
            return Optional.empty();
        }
        if (user.isPresent() && verified.contains(username, user.get().passwordHash(), password)) {
            return user.map(StoredUser::account);
        }
        String hash = user.isPresent() ? user.get().passwordHash() : decoy();
        if (!hasher.matches(password, hash)) {
            return Optional.empty();
        }
        user.ifPresent(u -> verified.add(username, u.passwordHash(), password));
        return user.map(StoredUser::account);
    }

    public Optional<Account> find(String username) {
        return load(username).map(StoredUser::account);
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = hasher.hash("decoy password");
            decoy = made;
        }
        return made;
    }

    private Optional<StoredUser> load(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String sql = "SELECT password_hash, admin, must_change_password FROM users WHERE name = ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet row = s.executeQuery()) {
                return row.next()
                        ? Optional.of(new StoredUser(new Account(name, row.getBoolean(2), row.getBoolean(3)), row.getString(1)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read user " + name, e);
        }
    }

    private int update(String sql, String name) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update user " + name, e);
        }
    }

    private static void requireValid(String name, String password) {
        String problem = nameProblem(name);
        if (problem == null) {
            problem = passwordProblem(password);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private record StoredUser(Account account, String passwordHash) {
    }
}
