package dev.roost.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publish-to-delivery latency at a steady, modest rate. Publisher and subscriber share this JVM, so the send
 * time stamped into the payload and the receive time come from the same monotonic clock.
 */
record LatencyScenario(int rate, Duration duration, Duration warmup, MqttQoS qos, int payloadBytes,
                       Duration drainQuiet) implements Scenario {

    static final String NAME = "latency";

    static LatencyScenario fromFlags(Flags flags) {
        return new LatencyScenario(
                flags.intValue("rate", 1_000, 1, 1_000_000),
                flags.seconds("duration", Duration.ofSeconds(30), 0.1, 86_400),
                // A JVM broker (and this tool) compiles its hot path during the first seconds at 1,000 msg/s; a hub
                // runs for months, so the steady state is what its users see. --warmup 0 measures a cold start.
                flags.seconds("warmup", Duration.ofSeconds(10), 0, 3_600),
                flags.qos(MqttQoS.AT_MOST_ONCE),
                flags.intValue("payload", 64, Payload.HEADER_BYTES, 256 * 1024),
                flags.seconds("drain-timeout", Duration.ofSeconds(3), 0.1, 600));
    }

    @Override
    public Result run(Connector connector, RunNames names) {
        Result result = new Result(NAME).put("qos", qos.value()).put("rate", rate);
        Duration setup = connector.setupTimeout();
        // Warm-up messages still count for loss, but not in the histogram: they mostly measure the JIT.
        long warmupMessages = Math.round(rate * warmup.toNanos() / 1e9);
        long total = warmupMessages + Math.round(rate * duration.toNanos() / 1e9);
        LatencyHistogram histogram = new LatencyHistogram();
        DeliveryCounter counter = new DeliveryCounter(1);
        MqttClientConnection.MessageListener recorder = (connection, topic, payload) -> {
            long now = System.nanoTime();
            if (counter.record(payload, now) && Payload.sequence(payload) >= warmupMessages) {
                histogram.record(now - Payload.sentNanos(payload));
            }
        };
        String topic = names.topic("latency");
        List<MqttClientConnection> subscriber = Clients.connect(connector, names, 's', 1, i -> recorder, setup, result);
        List<MqttClientConnection> publisher = new ArrayList<>();
        PacedPublisher pacer;
        boolean delivered;
        int dropped;
        try {
            result.put("granted_qos", Clients.subscribe(subscriber, topic, qos, setup, result));
            publisher.addAll(Clients.connect(connector, names, 'p', 1, i -> MqttClientConnection.MessageListener.IGNORE, setup, result));
            pacer = new PacedPublisher(publisher.get(0), topic, qos, rate, total, payloadBytes);
            Duration planned = warmup.plus(duration);
            Waits.quietly(pacer.start(), planned.plus(planned).plusSeconds(5));
            delivered = Waits.progress(counter::received, pacer.sent(), drainQuiet,
                    System.nanoTime() + drainQuiet.multipliedBy(10).toNanos());
            dropped = Clients.closedCount(subscriber, result) + Clients.closedCount(publisher, result);
        } finally {
            Clients.disconnect(publisher);
            Clients.disconnect(subscriber);
        }
        return report(result, histogram, counter, pacer, total, delivered, dropped);
    }

    private Result report(Result result, LatencyHistogram h, DeliveryCounter counter, PacedPublisher pacer,
                          long planned, boolean delivered, int dropped) {
        long lost = counter.lost(new long[] {pacer.sent()});
        double achievedRate = pacer.sent() < 2 ? 0.0 : Scenario.perSecond(pacer.sent() - 1, pacer.elapsedNanos());
        result.put("p50_us", micros(h.percentile(50)))
                .put("p90_us", micros(h.percentile(90)))
                .put("p99_us", micros(h.percentile(99)))
                .put("p999_us", micros(h.percentile(99.9)))
                .put("max_us", micros(h.max()))
                .put("min_us", micros(h.min()))
                .put("mean_us", h.mean() / 1e3)
                .put("samples", h.count())
                .put("planned", planned)
                .put("sent", pacer.sent())
                .put("received", counter.received())
                .put("lost", lost)
                .put("duplicates", counter.duplicates())
                .put("out_of_order", counter.outOfOrder())
                .put("publish_failed", pacer.failed())
                .put("send_rate", achievedRate)
                .put("max_send_lag_us", micros(pacer.maxLagNanos()))
                .put("connections_dropped", dropped)
                .put("complete", delivered && pacer.sent() == planned && dropped == 0);
        result.line("latency: %d msg/s for %.1f s (+%.1f s warm-up), QoS %d, %d-byte payloads",
                rate, duration.toNanos() / 1e9, warmup.toNanos() / 1e9, qos.value(), payloadBytes);
        result.line("  p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (%d samples)",
                result.getDouble("p50_us"), result.getDouble("p90_us"), result.getDouble("p99_us"),
                result.getDouble("p999_us"), result.getDouble("max_us"), h.count());
        result.line("  sent %d of %d at %.0f msg/s (worst send lag %.0f us), received %d, lost %d, duplicates %d%s",
                pacer.sent(), planned, achievedRate, result.getDouble("max_send_lag_us"), counter.received(), lost,
                counter.duplicates(), Scenario.incompleteNote(true, delivered ? 0 : lost, dropped));
        return result;
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }
}
