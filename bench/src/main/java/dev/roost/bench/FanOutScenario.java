package dev.roost.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One publisher, many subscribers on the same topic: measures how fast the broker copies one stream out. */
record FanOutScenario(int subscribers, long messages, Duration duration, MqttQoS qos, int window, int payloadBytes,
                      Duration timeout, Duration drainQuiet) implements Scenario {

    static final String NAME = "fanout";

    static FanOutScenario fromFlags(Flags flags) {
        StreamFlags stream = StreamFlags.from(flags, 10_000);
        return new FanOutScenario(flags.intValue("subscribers", 50, 1, 10_000), stream.messages(), stream.duration(),
                stream.qos(), stream.window(), stream.payloadBytes(), stream.timeout(), stream.drainQuiet());
    }

    @Override
    public Result run(Connector connector, RunNames names) {
        Result result = new Result(NAME).put("qos", qos.value()).put("subscribers", subscribers);
        Duration setup = connector.setupTimeout();
        List<DeliveryCounter> counters = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i++) {
            counters.add(new DeliveryCounter(1));
        }
        String topic = names.topic("fanout");
        List<MqttClientConnection> subs = Clients.connect(connector, names, 's', subscribers, counters::get, setup, result);
        List<MqttClientConnection> publisher = new ArrayList<>();
        StreamPublisher stream;
        boolean settled;
        boolean delivered;
        int dropped;
        try {
            result.put("granted_qos", Clients.subscribe(subs, topic, qos, setup, result));
            publisher.addAll(Clients.connect(connector, names, 'p', 1, i -> MqttClientConnection.MessageListener.IGNORE, setup, result));
            long start = System.nanoTime();
            long deadline = start + (duration != null ? duration : timeout).toNanos();
            long limit = duration != null ? Long.MAX_VALUE : messages;
            stream = new StreamPublisher(publisher.get(0), topic, 0, qos, window, payloadBytes, limit, deadline);
            settled = Clients.runStreams(List.of(stream), Duration.ofNanos(deadline - start).plus(drainQuiet));
            long expected = stream.sent() * subscribers;
            delivered = Waits.progress(() -> totalReceived(counters), expected, drainQuiet, System.nanoTime() + timeout.toNanos());
            dropped = Clients.closedCount(subs, result) + Clients.closedCount(publisher, result);
        } finally {
            Clients.disconnect(publisher);
            Clients.disconnect(subs);
        }
        return report(result, counters, stream, settled, delivered, dropped);
    }

    private Result report(Result result, List<DeliveryCounter> counters, StreamPublisher stream, boolean settled,
                          boolean delivered, int dropped) {
        long sent = stream.sent();
        long[] received = new long[counters.size()];
        long[] lost = new long[counters.size()];
        long[] duplicates = new long[counters.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long totalLost = 0;
        long totalDuplicates = 0;
        long outOfOrder = 0;
        for (int i = 0; i < counters.size(); i++) {
            DeliveryCounter c = counters.get(i);
            received[i] = c.received();
            lost[i] = c.lost(new long[] {sent});
            duplicates[i] = c.duplicates();
            totalLost += lost[i];
            totalDuplicates += duplicates[i];
            outOfOrder += c.outOfOrder();
            if (c.received() > 0) {
                first = Math.min(first, c.firstNanos());
                last = Math.max(last, c.lastNanos());
            }
        }
        long total = totalReceived(counters);
        double rate = total < 2 ? 0.0 : Scenario.perSecond(total - 1, last - first);
        long expected = sent * counters.size();
        result.put("deliveries_per_sec", rate)
                .put("sent", sent)
                .put("expected_deliveries", expected)
                .put("received", total)
                .put("lost", totalLost)
                .put("loss_pct", expected == 0 ? 0.0 : 100.0 * totalLost / expected)
                .put("duplicates", totalDuplicates)
                .put("out_of_order", outOfOrder)
                .put("publish_failed", stream.failed())
                .put("receive_seconds", total < 2 ? 0.0 : (last - first) / 1e9)
                .put("connections_dropped", dropped)
                .put("complete", settled && delivered && dropped == 0)
                .put("per_subscriber_received", received)
                .put("per_subscriber_lost", lost)
                .put("per_subscriber_duplicates", duplicates);
        result.line("fanout: 1 publisher -> %d subscribers, QoS %d, window %d, %d-byte payloads",
                counters.size(), qos.value(), window, payloadBytes);
        result.line("  sent %d, deliveries %d of %d, lost %d (%.3f%%; worst subscriber lost %d), duplicates %d",
                sent, total, expected, totalLost, result.getDouble("loss_pct"), max(lost), totalDuplicates);
        result.line("  delivery throughput: %.0f msg/s over %.2f s%s", rate, result.getDouble("receive_seconds"),
                Scenario.incompleteNote(settled, delivered ? 0 : totalLost, dropped));
        return result;
    }

    private static long totalReceived(List<DeliveryCounter> counters) {
        long sum = 0;
        for (DeliveryCounter c : counters) {
            sum += c.received();
        }
        return sum;
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
