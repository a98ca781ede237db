package dev.roost.web.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.web.ApiException;
import dev.roost.web.JsonBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;

/** Log in, log out, the current session, and changing one's password. */
public final class AuthRoutes {

    private static final int MIN_PASSWORD_LENGTH = 8;

    private final Sessions sessions;
    private final Accounts accounts;
    private final LoginThrottle throttle;

    public AuthRoutes(Sessions sessions, Accounts accounts, LoginThrottle throttle) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * What a browser learns about its session; the CSRF token goes with every state-changing request. A script
     * that authenticates with a bearer token has no session and no CSRF token.
     */
    record SessionView(String username, boolean admin, boolean mustChangePassword, String csrfToken) {
        static SessionView of(Account account, Sessions.Session session) {
            return new SessionView(account.name(), account.admin(), account.mustChangePassword(),
                    session == null ? null : session.csrfToken());
        }
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/login", this::login, Access.ANYONE);
        routes.post("/api/logout", this::logout, Access.PASSWORD_CHANGE);
        routes.get("/api/session", ctx -> ctx.json(SessionView.of(AuthFilter.account(ctx), AuthFilter.session(ctx))),
                Access.PASSWORD_CHANGE);
        routes.post("/api/password", this::changePassword, Access.PASSWORD_CHANGE);
    }

    private void login(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String username = JsonBodies.text(body, "username");
        String password = JsonBodies.text(body, "password");
        requireNotThrottled(ctx, "password");
        Account account = accounts.verify(username, password).orElse(null);
        if (account == null) {
            throttle.failed(ctx.ip());
            throw new ApiException(401, "wrong user name or password", "password", "check both and try again");
        }
        throttle.succeeded(ctx.ip());
        Sessions.Session session = sessions.create(account.name());
        ctx.cookie(sessionCookie(ctx, session.id(), (int) Sessions.IDLE.toSeconds()));
        ctx.json(SessionView.of(account, session));
    }

    private void logout(Context ctx) {
        Sessions.Session session = AuthFilter.session(ctx);
        if (session != null) {
            sessions.end(session.id());
        }
        ctx.cookie(sessionCookie(ctx, "", 0));
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String current = JsonBodies.text(body, "currentPassword");
        String chosen = JsonBodies.text(body, "newPassword");
        Account account = AuthFilter.account(ctx);
        if (chosen.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("newPassword", "use at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (chosen.equals(current)) {
            throw ApiException.badRequest("newPassword", "must differ from the current password");
        }
        requireNotThrottled(ctx, "currentPassword");
        if (accounts.verify(account.name(), current).isEmpty()) {
            // A stolen session must not become a way to guess the password.
            throttle.failed(ctx.ip());
            throw ApiException.badRequest("currentPassword", "is wrong");
        }
        accounts.changePassword(account.name(), chosen);
        Sessions.Session session = AuthFilter.session(ctx);
        sessions.endOthers(account.name(), session == null ? null : session.id());
        ctx.status(204);
    }

    private void requireNotThrottled(Context ctx, String field) {
        Duration wait = throttle.waitFor(ctx.ip());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too many attempts", field, "try again in " + seconds + " s");
        }
    }

    /** HttpOnly so scripts cannot read it, SameSite=Strict so other sites cannot send it, Secure over TLS. */
    private static Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        return new Cookie(AuthFilter.SESSION_COOKIE, value, "/", maxAgeSeconds, "https".equals(ctx.scheme()),
                true, null, SameSite.STRICT);
    }
}
