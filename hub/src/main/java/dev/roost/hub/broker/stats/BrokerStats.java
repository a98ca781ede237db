package dev.roost.hub.broker.stats;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of broker activity, written on the broker loop and read from anywhere (metrics, $SYS, web UI).
 * Every message the broker loses or refuses is counted here, never dropped silently.
 */
public final class BrokerStats {

    public final AtomicInteger connectedClients = new AtomicInteger();
    public final LongAdder connectionsTotal = new LongAdder();
    public final LongAdder messagesReceived = new LongAdder();
    public final LongAdder messagesSent = new LongAdder();
    public final LongAdder bytesReceived = new LongAdder();
    public final LongAdder bytesSent = new LongAdder();
    /** QoS 1/2 messages dropped from a full client queue (the oldest one goes). */
    public final LongAdder queueOverflowDrops = new LongAdder();
    /** QoS 0 messages not sent because the subscriber could not keep up or was offline. */
    public final LongAdder qos0Drops = new LongAdder();
    /** Messages not sent because they exceed the client's Maximum Packet Size (MQTT 5) [MQTT-3.1.2-25]. */
    public final LongAdder oversizeDrops = new LongAdder();
    /** Messages an in-process listener (rules, devices) fell too far behind to receive. */
    public final LongAdder localCallbackDrops = new LongAdder();
    /** QoS 1/2 publishes refused before acknowledgement because the broker's queue memory was full. */
    public final LongAdder publishesRefused = new LongAdder();
    /** Publishes dropped because the client may not publish to that topic ('$' topics, ACLs). */
    public final LongAdder publishesDenied = new LongAdder();
    /** Subscriptions refused with 0x80 because the client may not read those topics (ACLs). */
    public final LongAdder subscriptionsDenied = new LongAdder();
    /** Connections closed for breaking the protocol or sending a malformed packet. */
    public final LongAdder protocolViolations = new LongAdder();
    public final LongAdder willsPublished = new LongAdder();
}
