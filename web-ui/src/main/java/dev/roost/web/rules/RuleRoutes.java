package dev.roost.web.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.web.ApiException;
import dev.roost.web.JsonBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/rules}: list, create, check without saving ({@code POST /api/rules/validate}, answering
 * {@code {"valid":true,"document":{...}}} with the document's keys and values as JSON, for the editor's form),
 * read, replace, enable, delete, dry-run and run history (ARCHITECTURE.md), and every rule as one YAML file
 * ({@code /api/rules/export}, {@code /api/rules/import}).
 * Documents are YAML unless sent as {@code application/json}; a refused document is a 400 whose
 * {@code problems} give each field, line, column and reason.
 */
public final class RuleRoutes {

    private static final int DEFAULT_RUNS = 50;
    private static final int MAX_RUNS = 500;

    private final RuleBook rules;

    public RuleRoutes(RuleBook rules) {
        this.rules = rules;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/rules", ctx -> ctx.json(rules.list()));
        routes.get("/api/rules/export", ctx -> ctx.contentType("application/yaml; charset=utf-8")
                .result(rules.exportYaml()));
        routes.post("/api/rules/import", ctx -> answer(ctx, rules.importYaml(ctx.body()), 200));
        routes.post("/api/rules", ctx -> answer(ctx, rules.create(ctx.body(), isJson(ctx)), 201));
        routes.post("/api/rules/validate", ctx -> answer(ctx, rules.validate(ctx.body(), isJson(ctx)), 200));
        routes.get("/api/rules/{id}", ctx -> answer(ctx, rules.get(ctx.pathParam("id")), 200));
        routes.put("/api/rules/{id}", ctx -> answer(ctx, rules.update(ctx.pathParam("id"), ctx.body(), isJson(ctx)),
                200));
        routes.put("/api/rules/{id}/enabled", this::setEnabled);
        routes.delete("/api/rules/{id}", ctx -> {
            RuleAnswer answer = rules.delete(ctx.pathParam("id"));
            if (answer.notFound()) {
                throw notFound(ctx.pathParam("id"));
            }
            ctx.status(204);
        });
        routes.post("/api/rules/{id}/test", this::test);
        routes.get("/api/rules/{id}/runs", ctx -> answer(ctx, rules.runs(ctx.pathParam("id"), limit(ctx)), 200));
    }

    private void setEnabled(Context ctx) {
        JsonNode enabled = JsonBodies.object(ctx).get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw ApiException.badRequest("enabled", "must be true or false");
        }
        answer(ctx, rules.setEnabled(ctx.pathParam("id"), enabled.asBoolean()), 200);
    }

    private void test(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String topic = optionalText(body, "topic");
        String payload = optionalText(body, "payload");
        Map<String, String> state = new LinkedHashMap<>();
        JsonNode given = body.get("state");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw ApiException.badRequest("state", "must be an object of topic: payload");
            }
            given.fields().forEachRemaining(e -> state.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        answer(ctx, rules.test(ctx.pathParam("id"), topic, payload, state), 200);
    }

    private static void answer(Context ctx, RuleAnswer answer, int status) {
        if (answer.notFound()) {
            throw notFound(ctx.pathParam("id"));
        }
        if (!answer.problems().isEmpty()) {
            RuleAnswer.RuleProblem first = answer.problems().get(0);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "invalid rule");
            body.put("field", first.field());
            body.put("detail", describe(first));
            body.put("problems", answer.problems());
            ctx.status(400).json(body);
            return;
        }
        ctx.status(status).json(answer.value());
    }

    private static String describe(RuleAnswer.RuleProblem problem) {
        return problem.line() > 0
                ? "line " + problem.line() + ", column " + problem.column() + ": " + problem.detail()
                : problem.detail();
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase().startsWith("application/json");
    }

    private static String optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field, "must be a string");
        }
        return value.asText();
    }

    private static int limit(Context ctx) {
        String given = ctx.queryParam("limit");
        if (given == null) {
            return DEFAULT_RUNS;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= MAX_RUNS) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below with the allowed range
        }
        throw ApiException.badRequest("limit", "must be a whole number from 1 to " + MAX_RUNS);
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "not found", "id", "no rule '" + id + "'");
    }
}
