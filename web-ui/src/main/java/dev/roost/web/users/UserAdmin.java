package dev.roost.web.users;

import dev.roost.web.auth.Account;

import java.util.List;

/** Managing the hub's users, as the web UI and the command line need it; the hub implements it on its store. */
public interface UserAdmin {

    List<Account> list();

    /** Why {@code name} cannot be a user name, or null. */
    String nameProblem(String name);

    /** Why {@code password} is not acceptable, or null. */
    String passwordProblem(String password);

    /** @return false when the name is taken */
    boolean add(String name, String password, boolean admin);

    /** @return false when there is no such user */
    boolean setPassword(String name, String password);

    /** @return false when there is no such user */
    boolean remove(String name);
}
