package dev.roost.web.broker;

import dev.roost.web.ApiException;
import dev.roost.web.auth.AuthFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.function.Supplier;

/**
 * The broker screen's API: {@code GET /api/clients} (a page of connected clients), {@code GET /api/stats}
 * (traffic over the last minute and loss counters), {@code GET /api/topics} (retained topics by prefix) and
 * {@code DELETE /api/topics?topic=...} (clear one retained topic; admins only). Delegates to a {@link BrokerView}.
 */
public final class BrokerRoutes {

    static final int DEFAULT_CLIENTS = 50;
    static final int MAX_CLIENTS = 200;
    static final int DEFAULT_TOPICS = 100;
    static final int MAX_TOPICS = 500;
    private static final int MAX_OFFSET = 1_000_000;
    private static final int MAX_PREFIX_CHARS = 1024;

    private final BrokerView broker;

    public BrokerRoutes(BrokerView broker) {
        this.broker = broker;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/clients", ctx -> ctx.json(available(() -> broker.clients(
                number(ctx, "offset", 0, 0, MAX_OFFSET), number(ctx, "limit", DEFAULT_CLIENTS, 1, MAX_CLIENTS)))));
        routes.get("/api/stats", ctx -> ctx.json(broker.stats()));
        routes.get("/api/topics", ctx -> ctx.json(available(() -> broker.retained(prefix(ctx),
                number(ctx, "limit", DEFAULT_TOPICS, 1, MAX_TOPICS)))));
        routes.delete("/api/topics", this::clear);
    }

    private void clear(Context ctx) {
        if (!AuthFilter.account(ctx).admin()) {
            throw new ApiException(403, "forbidden", null, "only an admin may clear retained topics");
        }
        String topic = ctx.queryParam("topic");
        if (topic == null || topic.isEmpty()) {
            throw ApiException.badRequest("topic", "is required: DELETE /api/topics?topic=home/old-sensor");
        }
        String problem = broker.clearProblem(topic);
        if (problem != null) {
            throw ApiException.badRequest("topic", problem);
        }
        if (!available(() -> broker.clearRetained(topic))) {
            throw new ApiException(404, "not found", "topic", "no retained message on " + topic);
        }
        ctx.status(204);
    }

    private static String prefix(Context ctx) {
        String prefix = ctx.queryParam("prefix");
        if (prefix == null) {
            return "";
        }
        if (prefix.indexOf('+') >= 0 || prefix.indexOf('#') >= 0) {
            throw ApiException.badRequest("prefix", "is the start of a topic, without the wildcards + and #");
        }
        if (prefix.length() > MAX_PREFIX_CHARS) {
            throw ApiException.badRequest("prefix", "is longer than " + MAX_PREFIX_CHARS + " characters");
        }
        return prefix;
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String given = ctx.queryParam(name);
        if (given == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(given);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below with the allowed range
        }
        throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    private static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (BrokerView.Unavailable busy) {
            throw new ApiException(503, "broker unavailable", null, busy.getMessage());
        }
    }
}
