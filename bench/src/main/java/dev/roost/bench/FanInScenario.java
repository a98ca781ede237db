package dev.roost.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many publishers, one subscriber on a wildcard: measures how fast the broker funnels streams into one socket.
 * With an offline subscriber (a persistent session that disconnected first) every QoS 1/2 message must be
 * stored: the headline is then the acknowledged publish rate, and the subscriber comes back afterwards to
 * count what was kept. An optional warm-up pass runs the same scenario first, unmeasured.
 */
record FanInScenario(int publishers, long messagesPerPublisher, Duration duration, MqttQoS qos, int window,
                     int payloadBytes, Duration timeout, Duration drainQuiet, boolean offlineSubscriber,
                     long warmupMessages) implements Scenario {

    static final String NAME = "fanin";

    /** Without a warm-up pass. */
    FanInScenario(int publishers, long messagesPerPublisher, Duration duration, MqttQoS qos, int window,
                  int payloadBytes, Duration timeout, Duration drainQuiet, boolean offlineSubscriber) {
        this(publishers, messagesPerPublisher, duration, qos, window, payloadBytes, timeout, drainQuiet,
                offlineSubscriber, 0);
    }

    static FanInScenario fromFlags(Flags flags) {
        StreamFlags stream = StreamFlags.from(flags, 20_000);
        String subscriber = flags.string("subscriber", "online");
        if (!subscriber.equals("online") && !subscriber.equals("offline")) {
            throw new UsageException("--subscriber must be online or offline, not " + subscriber);
        }
        return new FanInScenario(flags.intValue("publishers", 8, 1, 10_000), stream.messages(), stream.duration(),
                stream.qos(), stream.window(), stream.payloadBytes(), stream.timeout(), stream.drainQuiet(),
                subscriber.equals("offline"), flags.integer("warmup-messages", 0, 0, Integer.MAX_VALUE));
    }

    @Override
    public Result run(Connector connector, RunNames names) {
        Result result = new Result(NAME).put("qos", qos.value()).put("publishers", publishers);
        if (warmupMessages > 0) {
            warmUp(connector, names, result);
        }
        Duration setup = connector.setupTimeout();
        DeliveryCounter counter = new DeliveryCounter(publishers);
        List<MqttClientConnection> subscriber = Clients.connect(connector, names, 's', 1, i -> counter,
                !offlineSubscriber, setup, result);
        List<MqttClientConnection> clients = new ArrayList<>();
        List<StreamPublisher> streams = new ArrayList<>();
        boolean settled;
        boolean delivered;
        int dropped;
        try {
            int granted = Clients.subscribe(subscriber, names.topic("fanin/+"), qos, setup, result);
            result.put("granted_qos", granted);
            if (offlineSubscriber) {
                Clients.disconnect(subscriber); // its persistent session now queues everything
            }
            clients.addAll(Clients.connect(connector, names, 'p', publishers, i -> MqttClientConnection.MessageListener.IGNORE, setup, result));
            long start = System.nanoTime();
            long deadline = start + (duration != null ? duration : timeout).toNanos();
            long limit = duration != null ? Long.MAX_VALUE : messagesPerPublisher;
            for (int i = 0; i < publishers; i++) {
                streams.add(new StreamPublisher(clients.get(i), names.topic("fanin/" + i), i, qos, window,
                        payloadBytes, limit, deadline));
            }
            settled = Clients.runStreams(streams, Duration.ofNanos(deadline - start).plus(drainQuiet));
            if (offlineSubscriber) {
                subscriber = Clients.connect(connector, names, 's', 1, i -> counter, false, setup, result);
            }
            delivered = Waits.progress(counter::received, totalSent(streams), drainQuiet, System.nanoTime() + timeout.toNanos());
            dropped = Clients.closedCount(subscriber, result) + Clients.closedCount(clients, result);
        } finally {
            Clients.disconnect(clients);
            Clients.disconnect(subscriber);
        }
        return report(result, counter, streams, settled, delivered, dropped);
    }

    /**
     * A whole run first, unmeasured and under other names, so that a JVM broker has compiled the path the measured
     * run takes (the latency scenario leaves out its first seconds for the same reason: a hub runs for months).
     * Its subscriber drains what it stored, so the measured run starts with empty queues.
     */
    private void warmUp(Connector connector, RunNames names, Result result) {
        Result warm = new FanInScenario(publishers, warmupMessages, null, qos, window, payloadBytes, timeout,
                drainQuiet, offlineSubscriber).run(connector, new RunNames(names.runId() + "w"));
        result.put("warmup_sent", warm.getLong("sent")).put("warmup_complete", warm.get("complete"));
    }

    private Result report(Result result, DeliveryCounter counter, List<StreamPublisher> streams, boolean settled,
                          boolean delivered, int dropped) {
        long[] sent = new long[streams.size()];
        List<Map<String, Object>> perPublisher = new ArrayList<>();
        long failed = 0;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        for (int i = 0; i < streams.size(); i++) {
            StreamPublisher s = streams.get(i);
            sent[i] = s.sent();
            failed += s.failed();
            firstStart = Math.min(firstStart, s.startNanos());
            lastEnd = Math.max(lastEnd, s.lastSendNanos());
            SequenceTracker t = counter.publisher(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("sent", sent[i]);
            row.put("received", t.unique());
            row.put("lost", t.lost(sent[i]));
            row.put("duplicates", t.duplicates());
            row.put("out_of_order", t.outOfOrder());
            perPublisher.add(row);
        }
        long totalSent = totalSent(streams);
        long lost = counter.lost(sent);
        double rate = Scenario.receiveRate(counter.received(), counter.firstNanos(), counter.lastNanos());
        double publishRate = Scenario.perSecond(totalSent, lastEnd - firstStart);
        // Offline, what the subscriber later drains from its queue says nothing about the broker's speed.
        result.put("msgs_per_sec", offlineSubscriber ? publishRate : rate)
                .put("subscriber", offlineSubscriber ? "offline" : "online")
                .put("sent", totalSent)
                .put("received", counter.received())
                .put("lost", lost)
                .put("loss_pct", totalSent == 0 ? 0.0 : 100.0 * lost / totalSent)
                .put("duplicates", counter.duplicates())
                .put("out_of_order", counter.outOfOrder())
                .put("malformed", counter.malformed())
                .put("publish_failed", failed)
                .put("publish_msgs_per_sec", publishRate)
                .put("receive_seconds", (counter.lastNanos() - counter.firstNanos()) / 1e9)
                .put("connections_dropped", dropped)
                .put("complete", settled && delivered && dropped == 0)
                .put("per_publisher", perPublisher);
        result.line("fanin: %d publishers -> 1 %s subscriber, QoS %d, window %d, %d-byte payloads%s",
                streams.size(), offlineSubscriber ? "offline (stored)" : "online", qos.value(), window, payloadBytes,
                warmupMessages > 0 ? ", after an unmeasured warm-up of " + warmupMessages + " per publisher" : "");
        result.line("  sent %d (publish rate %.0f msg/s), received %d, lost %d (%.3f%%), duplicates %d, out of order %d",
                totalSent, publishRate, counter.received(), lost, result.getDouble("loss_pct"), counter.duplicates(),
                counter.outOfOrder());
        result.line("  throughput at subscriber: %.0f msg/s over %.2f s%s", rate, result.getDouble("receive_seconds"),
                Scenario.incompleteNote(settled, delivered ? 0 : lost, dropped));
        return result;
    }

    private static long totalSent(List<StreamPublisher> streams) {
        long sum = 0;
        for (StreamPublisher s : streams) {
            sum += s.sent();
        }
        return sum;
    }
}
