package dev.roost.hub.broker.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.util.List;

/**
 * MQTT over WebSocket: the HTTP upgrade on a path with the "mqtt" subprotocol, then binary frames carrying
 * the MQTT byte stream, so the same MQTT pipeline sits behind it.
 */
public final class WebSocketFraming {

    private final String path;
    private final int maxFrameSize;

    public WebSocketFraming(String path, int maxFrameSize) {
        this.path = path;
        this.maxFrameSize = maxFrameSize;
    }

    void addTo(ChannelPipeline pipeline) {
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("http-aggregator", new HttpObjectAggregator(8192));
        pipeline.addLast("websocket", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .subprotocols("mqtt")
                .maxFramePayloadLength(maxFrameSize)
                .build()));
        pipeline.addLast("ws-frames-to-bytes", new FramesToBytes());
        pipeline.addLast("bytes-to-ws-frames", new BytesToFrames());
    }

    @ChannelHandler.Sharable
    private static final class FramesToBytes extends MessageToMessageDecoder<BinaryWebSocketFrame> {
        @Override
        protected void decode(ChannelHandlerContext ctx, BinaryWebSocketFrame frame, List<Object> out) {
            out.add(frame.content().retain());
        }
    }

    @ChannelHandler.Sharable
    private static final class BytesToFrames extends MessageToMessageEncoder<ByteBuf> {
        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
            out.add(new BinaryWebSocketFrame(bytes.retain()));
        }
    }
}
