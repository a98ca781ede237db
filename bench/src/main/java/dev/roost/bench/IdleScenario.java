package dev.roost.bench;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Many connected, silent clients: measures how many the broker accepts and what each one costs it in memory.
 * Connects in batches, each waiting for its CONNACKs, so the broker's accept backlog never overflows (an overflow
 * only shows up as one-second SYN retries that would distort the connect rate).
 */
record IdleScenario(int connections, int keepAliveSeconds, int batchSize, Duration hold, int sourceAddresses,
                    long brokerPid, Duration timeout) implements Scenario {

    static final String NAME = "idle";
    /** After this many batches in a row with no success the broker is refusing, and waiting longer is pointless. */
    private static final int FAILED_BATCHES_BEFORE_GIVING_UP = 3;

    static IdleScenario fromFlags(Flags flags) {
        return new IdleScenario(
                flags.intValue("connections", 10_000, 1, 1_000_000),
                flags.intValue("keepalive", 60, 0, 65_535),
                flags.intValue("batch", 100, 1, 100_000),
                flags.seconds("hold", Duration.ofSeconds(10), 0, 86_400),
                flags.intValue("source-addresses", 0, 0, 254),
                flags.integer("broker-pid", -1, 1, Integer.MAX_VALUE),
                flags.seconds("timeout", Duration.ofSeconds(300), 1, 86_400));
    }

    @Override
    public Result run(Connector connector, RunNames names) {
        Result result = new Result(NAME).put("connections", connections);
        OptionalLong rssBefore = brokerPid > 0 ? ProcessMemory.rssKib(brokerPid) : OptionalLong.empty();
        boolean loopbackBroker = connector.broker().getAddress().isLoopbackAddress();
        int addressCount = sourceAddresses > 0 ? sourceAddresses : loopbackBroker ? SourceAddresses.needed(connections) : 1;
        List<InetAddress> sources = SourceAddresses.loopback(addressCount);

        List<MqttClientConnection> open = new ArrayList<>(connections);
        int failed = 0;
        int failedBatchesInRow = 0;
        String firstError = null;
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (int next = 0; next < connections && failedBatchesInRow < FAILED_BATCHES_BEFORE_GIVING_UP
                && System.nanoTime() < deadline; ) {
            int end = Math.min(connections, next + batchSize);
            List<CompletableFuture<MqttClientConnection>> batch = new ArrayList<>(end - next);
            for (; next < end; next++) {
                InetAddress source = sources.isEmpty() ? null : sources.get(next % sources.size());
                batch.add(connector.connect(names.clientId('i', next), keepAliveSeconds, source,
                        MqttClientConnection.MessageListener.IGNORE));
            }
            Waits.Batch<MqttClientConnection> outcome = Waits.all(batch, connector.setupTimeout());
            open.addAll(outcome.succeeded());
            failed += outcome.failed();
            failedBatchesInRow = outcome.succeeded().isEmpty() ? failedBatchesInRow + 1 : 0;
            if (firstError == null) {
                firstError = outcome.firstError();
            }
        }
        long connectNanos = System.nanoTime() - start;
        int attempted = open.size() + failed;

        if (!open.isEmpty()) {
            Waits.sleep(hold);
        }
        OptionalLong rssLoaded = brokerPid > 0 ? ProcessMemory.rssKib(brokerPid) : OptionalLong.empty();
        long alive = open.stream().filter(MqttClientConnection::isOpen).count();
        long pings = open.stream().mapToLong(MqttClientConnection::pingResponses).sum();
        Clients.disconnect(open);

        result.put("connected", open.size())
                .put("failed", failed)
                .put("not_attempted", connections - attempted)
                .put("alive_after_hold", alive)
                .put("connect_seconds", connectNanos / 1e9)
                .put("connects_per_sec", Scenario.perSecond(open.size(), connectNanos))
                .put("source_addresses", Math.max(1, sources.size()))
                .put("ping_responses", pings)
                .put("hold_seconds", hold.toNanos() / 1e9);
        if (firstError != null) {
            result.put("first_error", firstError);
        }
        result.line("idle: %d of %d connections established (%d failed, %d not attempted) in %.2f s (%.0f/s), %d source address(es)",
                open.size(), connections, failed, connections - attempted, connectNanos / 1e9,
                result.getDouble("connects_per_sec"), Math.max(1, sources.size()));
        result.line("  %d still open after holding %.1f s%s", alive, hold.toNanos() / 1e9,
                firstError == null ? "" : "; first error: " + firstError);
        reportMemory(result, rssBefore, rssLoaded, open.size());
        if (open.isEmpty()) {
            throw new ScenarioAbortedException("no connection succeeded: " + firstError, result);
        }
        return result;
    }

    private void reportMemory(Result result, OptionalLong before, OptionalLong loaded, int connected) {
        if (brokerPid <= 0) {
            return;
        }
        if (before.isEmpty() || loaded.isEmpty()) {
            result.put("broker_pid", brokerPid).line("  broker RSS unavailable: cannot read /proc/%d/status", brokerPid);
            return;
        }
        long delta = loaded.getAsLong() - before.getAsLong();
        double perConnection = connected == 0 ? 0.0 : delta * 1024.0 / connected;
        result.put("broker_pid", brokerPid)
                .put("broker_rss_idle_kib", before.getAsLong())
                .put("broker_rss_loaded_kib", loaded.getAsLong())
                .put("bytes_per_connection", perConnection);
        result.line("  broker RSS %d KiB idle, %d KiB with %d connections: %.0f bytes per connection",
                before.getAsLong(), loaded.getAsLong(), connected, perConnection);
    }
}
