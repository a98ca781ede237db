package dev.roost.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Duration;

/** The flags fanin and fanout share: how much to send, how, and how long to wait for it. */
record StreamFlags(long messages, Duration duration, MqttQoS qos, int window, int payloadBytes, Duration timeout,
                   Duration drainQuiet) {

    static StreamFlags from(Flags flags, long defaultMessages) {
        if (flags.has("messages") && flags.has("duration")) {
            throw new UsageException("give --messages or --duration, not both");
        }
        Duration duration = flags.has("duration") ? flags.seconds("duration", null, 0.1, 86_400) : null;
        return new StreamFlags(
                flags.integer("messages", defaultMessages, 1, Integer.MAX_VALUE),
                duration,
                flags.qos(MqttQoS.AT_MOST_ONCE),
                flags.intValue("window", 64, 1, 60_000),
                flags.intValue("payload", 64, Payload.HEADER_BYTES, 256 * 1024),
                flags.seconds("timeout", Duration.ofSeconds(120), 1, 86_400),
                flags.seconds("drain-timeout", Duration.ofSeconds(3), 0.1, 600));
    }
}
