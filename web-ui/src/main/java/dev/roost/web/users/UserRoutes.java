package dev.roost.web.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.web.ApiException;
import dev.roost.web.JsonBodies;
import dev.roost.web.auth.Account;
import dev.roost.web.auth.AuthFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /api/users}: list, add, set a password, remove. Admins only. */
public final class UserRoutes {

    private final UserAdmin users;

    public UserRoutes(UserAdmin users) {
        this.users = users;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/users", ctx -> {
            requireAdmin(ctx);
            ctx.json(users.list());
        });
        routes.post("/api/users", this::add);
        routes.put("/api/users/{name}/password", this::setPassword);
        routes.delete("/api/users/{name}", this::remove);
    }

    private void add(Context ctx) {
        requireAdmin(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        String name = JsonBodies.text(body, "name");
        String password = JsonBodies.text(body, "password");
        JsonNode admin = body.get("admin");
        if (admin != null && !admin.isBoolean()) {
            throw ApiException.badRequest("admin", "must be true or false");
        }
        check("name", users.nameProblem(name));
        check("password", users.passwordProblem(password));
        if (!users.add(name, password, admin != null && admin.asBoolean())) {
            throw new ApiException(409, "conflict", "name", "a user named " + name + " exists already");
        }
        ctx.status(201).json(users.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow());
    }

    private void setPassword(Context ctx) {
        requireAdmin(ctx);
        String password = JsonBodies.text(JsonBodies.object(ctx), "password");
        check("password", users.passwordProblem(password));
        if (!users.setPassword(ctx.pathParam("name"), password)) {
            throw notFound(ctx.pathParam("name"));
        }
        ctx.status(204);
    }

    private void remove(Context ctx) {
        requireAdmin(ctx);
        String name = ctx.pathParam("name");
        boolean lastAdmin = users.list().stream().filter(Account::admin).map(Account::name).toList().equals(
                java.util.List.of(name));
        if (lastAdmin) {
            throw new ApiException(409, "conflict", "name", name + " is the last admin; make another admin first");
        }
        if (!users.remove(name)) {
            throw notFound(name);
        }
        ctx.status(204);
    }

    static void requireAdmin(Context ctx) {
        Account account = AuthFilter.account(ctx);
        if (!account.admin()) {
            throw new ApiException(403, "forbidden", null, "only an admin may manage users");
        }
    }

    private static void check(String field, String problem) {
        if (problem != null) {
            throw ApiException.badRequest(field, problem);
        }
    }

    private static ApiException notFound(String name) {
        return new ApiException(404, "not found", "name", "no user named " + name);
    }
}
