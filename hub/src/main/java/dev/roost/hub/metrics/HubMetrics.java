package dev.roost.hub.metrics;

import dev.roost.hub.broker.MqttBroker;
import dev.roost.hub.broker.persistence.H2Journal;
import dev.roost.hub.broker.stats.BrokerStats;
import dev.roost.web.metrics.MetricsSource;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The broker's counters, the same figures as {@code $SYS/broker/...}, the readings the history could not keep up
 * with, and the JVM's memory, GC and threads.
 */
public final class HubMetrics implements MetricsSource {

    private static final String COUNTER = "counter";
    private static final String GAUGE = "gauge";

    private final MqttBroker broker;
    private final H2Journal journal;
    private final Instant started;
    private final LongSupplier historyDropped;

    public HubMetrics(MqttBroker broker, H2Journal journal, Instant started, LongSupplier historyDropped) {
        this.broker = broker;
        this.journal = journal;
        this.started = started;
        this.historyDropped = historyDropped;
    }

    @Override
    public List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        BrokerStats stats = broker.stats();
        samples.add(gauge("roost_uptime_seconds", "Seconds since the hub started.",
                Duration.between(started, Instant.now()).toSeconds()));
        samples.add(gauge("roost_clients_connected", "MQTT clients connected now.", stats.connectedClients.get()));
        samples.add(counter("roost_connections_total", "MQTT connections accepted.", stats.connectionsTotal.sum()));
        samples.add(counter("roost_messages_received_total", "PUBLISH packets received.", stats.messagesReceived.sum()));
        samples.add(counter("roost_messages_sent_total", "PUBLISH packets sent.", stats.messagesSent.sum()));
        samples.add(counter("roost_bytes_received_total", "Bytes received from MQTT clients.",
                stats.bytesReceived.sum()));
        samples.add(counter("roost_bytes_sent_total", "Bytes sent to MQTT clients.", stats.bytesSent.sum()));
        samples.add(counter("roost_messages_dropped_total", "Messages dropped: full client queues, slow QoS 0 "
                + "subscribers, slow in-process listeners, messages above a client's maximum packet size.",
                stats.queueOverflowDrops.sum() + stats.qos0Drops.sum() + stats.localCallbackDrops.sum()
                        + stats.oversizeDrops.sum()));
        samples.add(counter("roost_messages_refused_total", "Publishes refused before acknowledgement (queue "
                + "memory full, disk behind, a payload marked UTF-8 that is not).", stats.publishesRefused.sum()));
        samples.add(counter("roost_messages_denied_total", "Publishes dropped by topic permissions.",
                stats.publishesDenied.sum()));
        samples.add(counter("roost_subscriptions_denied_total", "Subscriptions refused by topic permissions.",
                stats.subscriptionsDenied.sum()));
        samples.add(counter("roost_protocol_violations_total", "Connections closed for breaking the protocol.",
                stats.protocolViolations.sum()));
        long[] counts = broker.inspect(context -> new long[] {context.router().subscriptions().size(),
                context.router().retained().size(), context.router().retained().refused()});
        samples.add(gauge("roost_subscriptions", "Subscriptions held by the broker.", counts[0]));
        samples.add(gauge("roost_retained_messages", "Retained messages held by the broker.", counts[1]));
        samples.add(counter("roost_retained_refused_total", "Retained values not kept: retained store full.",
                counts[2]));
        samples.add(counter("roost_storage_commits_total", "Group commits of the broker's durable state to disk.",
                journal.commits()));
        samples.add(counter("roost_storage_write_seconds_total", "Time the group commits took, the forced write to "
                + "disk included; divided by roost_storage_commits_total, how long acknowledgements wait for the disk.",
                journal.writeSeconds()));
        samples.add(counter("roost_storage_failures_total", "Failed attempts to store the broker's state.",
                journal.failures()));
        samples.add(gauge("roost_storage_failing", "1 while the broker's state cannot be stored (acknowledgements "
                + "of QoS 1/2 messages it must keep are held back), else 0.", journal.failing() ? 1 : 0));
        samples.add(counter("roost_history_dropped_total", "Messages the history did not record because it could not"
                + " keep up.", historyDropped.getAsLong()));
        jvm(samples);
        return samples;
    }

    private static void jvm(List<Sample> samples) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        samples.add(gauge("jvm_memory_heap_used_bytes", "Java heap in use.", memory.getHeapMemoryUsage().getUsed()));
        samples.add(gauge("jvm_memory_heap_committed_bytes", "Java heap reserved from the OS.",
                memory.getHeapMemoryUsage().getCommitted()));
        samples.add(gauge("jvm_memory_heap_max_bytes", "Java heap limit (-Xmx).", memory.getHeapMemoryUsage().getMax()));
        samples.add(gauge("jvm_memory_heap_after_gc_bytes", "Java heap in use just after the last collection of each "
                + "part of it: what the hub really holds, garbage not counted.", heapAfterCollection()));
        samples.add(gauge("jvm_memory_nonheap_used_bytes", "Metaspace, code cache and other non-heap memory in use.",
                memory.getNonHeapMemoryUsage().getUsed()));
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            collectionMillis += Math.max(0, gc.getCollectionTime());
        }
        samples.add(counter("jvm_gc_collections_total", "Garbage collections.", collections));
        samples.add(counter("jvm_gc_collection_seconds_total", "Time spent collecting garbage.",
                collectionMillis / 1000.0));
        samples.add(gauge("jvm_threads", "Live JVM threads.", ManagementFactory.getThreadMXBean().getThreadCount()));
    }

    private static long heapAfterCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return used;
    }

    private static Sample counter(String name, String help, double value) {
        return new Sample(name, help, COUNTER, value);
    }

    private static Sample gauge(String name, String help, double value) {
        return new Sample(name, help, GAUGE, value);
    }
}
