package dev.roost.web.metrics;

import io.javalin.config.RoutesConfig;

/**
 * {@code GET /metrics} in Prometheus' text format (version 0.0.4). Needs a login like every other route; a
 * scraper sends a bearer token.
 */
public final class MetricsRoutes {

    private final MetricsSource source;

    public MetricsRoutes(MetricsSource source) {
        this.source = source;
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(render(source)));
    }

    static String render(MetricsSource source) {
        StringBuilder text = new StringBuilder(4096);
        for (MetricsSource.Sample sample : source.samples()) {
            text.append("# HELP ").append(sample.name()).append(' ').append(sample.help()).append('\n')
                    .append("# TYPE ").append(sample.name()).append(' ').append(sample.type()).append('\n')
                    .append(sample.name()).append(' ').append(number(sample.value())).append('\n');
        }
        return text.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value)
                : Double.toString(value);
    }
}
