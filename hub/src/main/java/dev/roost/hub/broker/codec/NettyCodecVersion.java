package dev.roost.hub.broker.codec;

import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;

/**
 * netty-codec-mqtt keeps a channel's protocol version under this key: its decoder sets it from CONNECT, its
 * encoder writes by it.
 */
public final class NettyCodecVersion {

    public static final AttributeKey<MqttVersion> KEY = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private NettyCodecVersion() {
    }
}
