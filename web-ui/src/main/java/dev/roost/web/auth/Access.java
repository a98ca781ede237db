package dev.roost.web.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. A route declared without a role needs a logged-in user whose password is settled:
 * secure unless a route says otherwise.
 */
public enum Access implements RouteRole {
    /** No login needed: health checks and the login itself. */
    ANYONE,
    /** A logged-in user, also one who must still replace the initial password. */
    PASSWORD_CHANGE
}
