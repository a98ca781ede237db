package dev.roost.web.auth;

import dev.roost.web.ApiException;
import dev.roost.web.JsonBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/tokens}: a logged-in user creates, lists and revokes bearer tokens for scripts. Tokens act as their
 * owner, so a script needs neither the password nor a CSRF token.
 */
public final class TokenRoutes {

    private static final int MAX_NAME = 64;

    private final ApiTokens tokens;

    public TokenRoutes(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/tokens", ctx -> ctx.json(tokens.list(owner(ctx))));
        routes.post("/api/tokens", this::create);
        routes.delete("/api/tokens/{id}", this::revoke);
    }

    private void create(Context ctx) {
        String name = JsonBodies.text(JsonBodies.object(ctx), "name");
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("name", "use at most " + MAX_NAME + " characters");
        }
        ctx.status(201).json(tokens.create(owner(ctx), name));
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id", "must be a token id from GET /api/tokens");
        }
        if (!tokens.revoke(owner(ctx), id)) {
            throw new ApiException(404, "not found", "id", "you have no token " + id);
        }
        ctx.status(204);
    }

    private static String owner(Context ctx) {
        return AuthFilter.account(ctx).name();
    }
}
