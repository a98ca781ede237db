package dev.roost.hub.broker;

import dev.roost.hub.broker.auth.AnonymousAccess;

import java.time.Duration;

/**
 * The broker's limits and policies. Every limit exists so that one client cannot pin the memory of a
 * 1 GB Pi running with a 64 MB heap.
 *
 * @param maxPacketSize          largest packet accepted, checked from the fixed header before the body is read
 * @param connectTimeout         how long a new socket may take to send CONNECT
 * @param maxInflight            unacknowledged outgoing QoS 1/2 messages per client
 * @param maxQueuedMessages      QoS 1/2 messages queued per client beyond the in-flight window; oldest dropped
 * @param maxQueuedBytes         bytes queued across all clients; beyond it QoS 1/2 publishers are refused. By
 *                               default a quarter of the heap (16 MiB in the unit's 64 MiB): the hub itself holds
 *                               about 15 MiB, retained messages up to 8 MiB, and the collector needs room to spare
 * @param maxTopicBytes          longest topic name or filter
 * @param maxTopicLevels         most levels in a topic name or filter
 * @param maxSubscriptionsPerClient subscriptions one client may hold; more get the failure return code
 * @param maxKeepAlive           largest keepalive a client may ask for, in seconds; 0 means no limit
 * @param allowZeroKeepAlive     whether keepalive 0 (never time out) is accepted when maxKeepAlive is set
 * @param anonymousAccess        who may connect without credentials (default: only from this machine)
 * @param maxConnections         concurrent connections; beyond it CONNECT gets "server unavailable"
 * @param sysInterval            how often the $SYS/broker topics are refreshed
 * @param maxRetainedMessages    retained topics kept; a new one beyond it is delivered but not retained
 * @param maxRetainedBytes       bytes of retained topics and payloads kept, likewise
 */
public record BrokerConfig(
        int maxPacketSize,
        Duration connectTimeout,
        int maxInflight,
        int maxQueuedMessages,
        long maxQueuedBytes,
        int maxTopicBytes,
        int maxTopicLevels,
        int maxSubscriptionsPerClient,
        int maxKeepAlive,
        boolean allowZeroKeepAlive,
        AnonymousAccess anonymousAccess,
        int maxConnections,
        Duration sysInterval,
        int maxRetainedMessages,
        long maxRetainedBytes) {

    public static BrokerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults; every setter overrides one limit. */
    public static final class Builder {
        private int maxPacketSize = 256 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxInflight = 32;
        private int maxQueuedMessages = 1000;
        private long maxQueuedBytes = Runtime.getRuntime().maxMemory() / 4;
        private int maxTopicBytes = 1024;
        private int maxTopicLevels = 32;
        private int maxSubscriptionsPerClient = 1000;
        private int maxKeepAlive;
        private boolean allowZeroKeepAlive = true;
        private AnonymousAccess anonymousAccess = AnonymousAccess.LOOPBACK;
        private int maxConnections = 20_000;
        private Duration sysInterval = Duration.ofSeconds(10);
        private int maxRetainedMessages = 10_000;
        private long maxRetainedBytes = 8L * 1024 * 1024;

        public Builder maxPacketSize(int value) {
            maxPacketSize = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder maxInflight(int value) {
            maxInflight = value;
            return this;
        }

        public Builder maxQueuedMessages(int value) {
            maxQueuedMessages = value;
            return this;
        }

        public Builder maxQueuedBytes(long value) {
            maxQueuedBytes = value;
            return this;
        }

        public Builder maxTopicBytes(int value) {
            maxTopicBytes = value;
            return this;
        }

        public Builder maxTopicLevels(int value) {
            maxTopicLevels = value;
            return this;
        }

        public Builder maxSubscriptionsPerClient(int value) {
            maxSubscriptionsPerClient = value;
            return this;
        }

        public Builder maxKeepAlive(int seconds) {
            maxKeepAlive = seconds;
            return this;
        }

        public Builder allowZeroKeepAlive(boolean value) {
            allowZeroKeepAlive = value;
            return this;
        }

        public Builder anonymousAccess(AnonymousAccess value) {
            anonymousAccess = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder sysInterval(Duration value) {
            sysInterval = value;
            return this;
        }

        public Builder maxRetainedMessages(int value) {
            maxRetainedMessages = value;
            return this;
        }

        public Builder maxRetainedBytes(long value) {
            maxRetainedBytes = value;
            return this;
        }

        public BrokerConfig build() {
            return new BrokerConfig(maxPacketSize, connectTimeout, maxInflight, maxQueuedMessages, maxQueuedBytes,
                    maxTopicBytes, maxTopicLevels, maxSubscriptionsPerClient, maxKeepAlive, allowZeroKeepAlive,
                    anonymousAccess, maxConnections, sysInterval, maxRetainedMessages, maxRetainedBytes);
        }
    }
}
