package dev.roost.hub.broker.codec;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;

/**
 * netty-codec-mqtt does not throw on a malformed packet: it marks the message's decoder result as failed.
 * This is the one place that checks it, so every handler behind it only ever sees well-formed packets.
 */
@ChannelHandler.Sharable
public final class DecodeFailureGuard extends ChannelInboundHandlerAdapter {

    public static final DecodeFailureGuard INSTANCE = new DecodeFailureGuard();

    private DecodeFailureGuard() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage message && message.decoderResult().isFailure()) {
            Throwable cause = message.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            ctx.fireChannelRead(new MalformedPacket(cause));
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
