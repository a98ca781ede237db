package dev.roost.web.auth;

import java.util.Optional;

/** The user database as the web UI needs it; the hub implements it on its store. */
public interface Accounts {

    /**
     * Checks a password. Deliberately slow (key stretching): call it from a request thread, never from a
     * latency-sensitive loop.
     *
     * @return the account when the name exists and the password is right
     */
    Optional<Account> verify(String username, String password);

    /** The account as it is now, so a removed user loses an open session. */
    Optional<Account> find(String username);

    /** Sets a new password and clears the must-change flag. */
    void changePassword(String username, String newPassword);
}
