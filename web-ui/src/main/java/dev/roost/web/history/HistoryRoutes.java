package dev.roost.web.history;

import dev.roost.web.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/history/topics} (which topics and fields have history) and
 * {@code GET /api/history?topic=…&field=…&from=…&to=…&points=…} (one series over a range, at most
 * {@code points} of them, grouped into time buckets when there are more readings). Times are ISO-8601;
 * {@code to} defaults to now and {@code from} to a day before {@code to}.
 */
public final class HistoryRoutes {

    /** A month fits the default retention; longer ranges would scan more than a phone can show anyway. */
    static final Duration MAX_RANGE = Duration.ofDays(31);
    static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    static final int DEFAULT_POINTS = 400;
    static final int MIN_POINTS = 10;
    static final int MAX_POINTS = 1_000;
    private static final int MAX_TOPIC_LENGTH = 1_024;

    private final HistorySource history;
    private final Clock clock;

    public HistoryRoutes(HistorySource history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/history", this::points);
        routes.get("/api/history/topics", ctx -> ctx.json(history.series()));
    }

    private void points(Context ctx) {
        String topic = topic(ctx.queryParam("topic"));
        Instant to = time("to", ctx.queryParam("to"), clock.instant());
        Instant from = time("from", ctx.queryParam("from"), to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "must be before to (" + to + "), was " + from);
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badRequest("from", "the range may be at most " + MAX_RANGE.toDays() + " days, was "
                    + Duration.between(from, to).toDays() + " days");
        }
        int points = points(ctx.queryParam("points"));
        String field = field(topic, ctx.queryParam("field"));
        HistoryPoints found = history.points(topic, field, from, to, points).orElseThrow(() ->
                new ApiException(404, "not found", "field", "no history for " + field + " of " + topic));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("field", field);
        body.put("from", from);
        body.put("to", to);
        body.put("bucketSeconds", found.bucketSeconds());
        body.put("points", found.points());
        ctx.json(body);
    }

    private static String topic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw ApiException.badRequest("topic", "is required, e.g. topic=home/temperature");
        }
        if (topic.length() > MAX_TOPIC_LENGTH || topic.contains("+") || topic.contains("#")) {
            throw ApiException.badRequest("topic", "must be one topic of at most " + MAX_TOPIC_LENGTH
                    + " characters, without wildcards");
        }
        return topic;
    }

    /** The field asked for, or the topic's only one; a topic with several fields needs it named. */
    private String field(String topic, String field) {
        if (field != null && !field.isEmpty()) {
            return field;
        }
        List<String> fields = history.series().stream().filter(s -> s.topic().equals(topic))
                .map(HistorySeries::field).toList();
        if (fields.isEmpty()) {
            throw new ApiException(404, "not found", "topic", "no history for " + topic);
        }
        if (fields.size() > 1) {
            throw ApiException.badRequest("field", topic + " has several fields, name one of: "
                    + String.join(", ", fields));
        }
        return fields.get(0);
    }

    private static Instant time(String field, String text, Instant fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "must be a time such as 2026-05-01T18:00:00Z, was '" + text + "'");
        }
    }

    private static int points(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_POINTS;
        }
        try {
            int points = Integer.parseInt(text);
            if (points >= MIN_POINTS && points <= MAX_POINTS) {
                return points;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiException.badRequest("points", "must be a whole number from " + MIN_POINTS + " to " + MAX_POINTS
                + ", was '" + text + "'");
    }
}
