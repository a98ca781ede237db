package dev.roost.web.auth;

import dev.roost.web.ApiException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route: lets {@link Access#ANYONE} routes through, and otherwise requires a live
 * session, the session's CSRF token on every state-changing request, and a settled password.
 */
public final class AuthFilter implements Handler {

    public static final String SESSION_COOKIE = "roost_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String ACCOUNT = "roost.account";
    static final String SESSION = "roost.session";
    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private static final String BEARER = "Bearer ";

    private final Sessions sessions;
    private final Accounts accounts;
    private final BearerTokens tokens;

    public AuthFilter(Sessions sessions, Accounts accounts, BearerTokens tokens) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** The logged-in account of a request that passed this filter. */
    public static Account account(Context ctx) {
        return ctx.attribute(ACCOUNT);
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.ANYONE)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            // A token is not sent by a browser on its own, so it needs no CSRF token.
            Account account = authorization.startsWith(BEARER)
                    ? tokens.resolve(authorization.substring(BEARER.length()).strip()).orElse(null) : null;
            if (account == null) {
                throw new ApiException(401, "login required", "Authorization", "unknown or malformed bearer token");
            }
            ctx.attribute(ACCOUNT, account);
            return;
        }
        Sessions.Session session = sessions.touch(ctx.cookie(SESSION_COOKIE))
                .orElseThrow(() -> new ApiException(401, "login required", null, "log in at POST /api/login"));
        Optional<Account> account = accounts.find(session.username());
        if (account.isEmpty()) {
            sessions.end(session.id());
            throw new ApiException(401, "login required", null, "the user no longer exists");
        }
        if (!SAFE_METHODS.contains(ctx.method()) && !session.csrfToken().equals(ctx.header(CSRF_HEADER))) {
            throw new ApiException(403, "forbidden", CSRF_HEADER,
                    "send the token from /api/session in the " + CSRF_HEADER + " header");
        }
        if (account.get().mustChangePassword() && !ctx.routeRoles().contains(Access.PASSWORD_CHANGE)) {
            throw new ApiException(403, "password change required", "password",
                    "choose a new password first (POST /api/password)");
        }
        ctx.attribute(ACCOUNT, account.get());
        ctx.attribute(SESSION, session);
    }
}
