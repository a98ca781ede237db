package dev.roost.hub.broker.transport;

import dev.roost.hub.broker.stats.BrokerStats;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Counts the bytes every connection reads and writes, for $SYS and metrics. */
@ChannelHandler.Sharable
final class TrafficCounter extends ChannelDuplexHandler {

    private final BrokerStats stats;

    TrafficCounter(BrokerStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            stats.bytesReceived.add(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            stats.bytesSent.add(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
