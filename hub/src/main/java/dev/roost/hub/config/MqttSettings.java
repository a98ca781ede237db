package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.auth.AnonymousAccess;

import java.time.Duration;

/**
 * The {@code mqtt:} section: listeners and the broker's limits, each optional, each range-checked so a typo
 * is reported at start instead of surfacing as a strange failure later.
 */
public record MqttSettings(String host, int port, int websocketPort, BrokerConfig broker, TlsSettings tls) {

    private static final BrokerConfig DEFAULTS = BrokerConfig.defaults();

    @JsonCreator
    public MqttSettings(@JsonProperty("host") String host,
                        @JsonProperty("port") Integer port,
                        @JsonProperty("websocketPort") Integer websocketPort,
                        @JsonProperty("maxPacketSize") Integer maxPacketSize,
                        @JsonProperty("connectTimeoutSeconds") Integer connectTimeoutSeconds,
                        @JsonProperty("maxInflight") Integer maxInflight,
                        @JsonProperty("maxQueuedMessages") Integer maxQueuedMessages,
                        @JsonProperty("maxQueuedBytes") Long maxQueuedBytes,
                        @JsonProperty("maxTopicBytes") Integer maxTopicBytes,
                        @JsonProperty("maxTopicLevels") Integer maxTopicLevels,
                        @JsonProperty("maxSubscriptionsPerClient") Integer maxSubscriptionsPerClient,
                        @JsonProperty("maxKeepAlive") Integer maxKeepAlive,
                        @JsonProperty("allowZeroKeepAlive") Boolean allowZeroKeepAlive,
                        @JsonProperty("anonymous") AnonymousAccess anonymous,
                        @JsonProperty("maxConnections") Integer maxConnections,
                        @JsonProperty("maxRetainedMessages") Integer maxRetainedMessages,
                        @JsonProperty("maxRetainedBytes") Long maxRetainedBytes,
                        @JsonProperty("tls") TlsSettings tls) {
        this(host != null ? host : "0.0.0.0",
                Ranges.port("mqtt.port", port, 1883),
                Ranges.port("mqtt.websocketPort", websocketPort, 8083),
                BrokerConfig.builder()
                        .maxPacketSize(Ranges.between("mqtt.maxPacketSize", maxPacketSize, 64,
                                268_435_455, DEFAULTS.maxPacketSize()))
                        .connectTimeout(Duration.ofSeconds(Ranges.between("mqtt.connectTimeoutSeconds",
                                connectTimeoutSeconds, 1, 3600, (int) DEFAULTS.connectTimeout().toSeconds())))
                        .maxInflight(Ranges.between("mqtt.maxInflight", maxInflight, 1, 65535,
                                DEFAULTS.maxInflight()))
                        .maxQueuedMessages(Ranges.between("mqtt.maxQueuedMessages", maxQueuedMessages, 0,
                                10_000_000, DEFAULTS.maxQueuedMessages()))
                        .maxQueuedBytes(Ranges.between("mqtt.maxQueuedBytes", maxQueuedBytes, 1024L,
                                Long.MAX_VALUE, DEFAULTS.maxQueuedBytes()))
                        .maxTopicBytes(Ranges.between("mqtt.maxTopicBytes", maxTopicBytes, 1, 65535,
                                DEFAULTS.maxTopicBytes()))
                        .maxTopicLevels(Ranges.between("mqtt.maxTopicLevels", maxTopicLevels, 1, 65535,
                                DEFAULTS.maxTopicLevels()))
                        .maxSubscriptionsPerClient(Ranges.between("mqtt.maxSubscriptionsPerClient",
                                maxSubscriptionsPerClient, 1, 1_000_000, DEFAULTS.maxSubscriptionsPerClient()))
                        .maxKeepAlive(Ranges.between("mqtt.maxKeepAlive", maxKeepAlive, 0, 65535,
                                DEFAULTS.maxKeepAlive()))
                        .allowZeroKeepAlive(allowZeroKeepAlive != null ? allowZeroKeepAlive
                                : DEFAULTS.allowZeroKeepAlive())
                        .anonymousAccess(anonymous != null ? anonymous : DEFAULTS.anonymousAccess())
                        .maxConnections(Ranges.between("mqtt.maxConnections", maxConnections, 1, 1_000_000,
                                DEFAULTS.maxConnections()))
                        .maxRetainedMessages(Ranges.between("mqtt.maxRetainedMessages", maxRetainedMessages, 0,
                                10_000_000, DEFAULTS.maxRetainedMessages()))
                        .maxRetainedBytes(Ranges.between("mqtt.maxRetainedBytes", maxRetainedBytes, 0L,
                                Long.MAX_VALUE, DEFAULTS.maxRetainedBytes()))
                        .build(),
                tls != null ? tls : TlsSettings.defaults());
    }

    public static MqttSettings defaults() {
        return new MqttSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
