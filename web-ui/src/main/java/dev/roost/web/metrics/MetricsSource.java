package dev.roost.web.metrics;

import java.util.List;

/** The hub's figures for {@code /metrics}; the hub implements it on the broker's counters and the JVM. */
public interface MetricsSource {

    /** One figure: a Prometheus metric name, its help text, {@code counter} or {@code gauge}, and its value. */
    record Sample(String name, String help, String type, double value) {
    }

    /** The current figures; called once per scrape. */
    List<Sample> samples();
}
