package dev.roost.web.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.web.ApiException;
import dev.roost.web.JsonBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/** {@code /api/acl/{subject}}: read and replace which topics a user may publish to and subscribe to. Admins only. */
public final class AclRoutes {

    private final TopicAccess access;

    public AclRoutes(TopicAccess access) {
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/acl/{subject}", ctx -> {
            UserRoutes.requireAdmin(ctx);
            ctx.json(access.rulesOf(subject(ctx)));
        });
        routes.put("/api/acl/{subject}", this::replace);
    }

    private void replace(Context ctx) {
        UserRoutes.requireAdmin(ctx);
        String subject = subject(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        TopicAccess.Rules rules = new TopicAccess.Rules(filters(body, "publish"), filters(body, "subscribe"));
        access.replace(subject, rules);
        ctx.json(access.rulesOf(subject));
    }

    private String subject(Context ctx) {
        String subject = ctx.pathParam("subject");
        String problem = access.subjectProblem(subject);
        if (problem != null) {
            throw ApiException.badRequest("subject", problem);
        }
        return subject;
    }

    private List<String> filters(ObjectNode body, String field) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ApiException.badRequest(field, "must be a list of topic filters");
        }
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String problem = item.isTextual() ? access.filterProblem(item.asText()) : "must be a string";
            if (problem != null) {
                throw ApiException.badRequest(field + "[" + i + "]", problem);
            }
            filters.add(item.asText());
        }
        return filters;
    }
}
