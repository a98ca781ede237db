package dev.roost.hub.broker.transport;

import dev.roost.hub.broker.auth.CertificateUser;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * Once the TLS handshake has verified a client certificate, records the user it names on the channel for CONNECT.
 * The handshake completes before any MQTT byte is unwrapped, so CONNECT always finds the name here. A certificate
 * that names no usable user closes the connection: it was meant as a login, and falling back to anonymous would
 * hand its holder someone else's permissions.
 */
@ChannelHandler.Sharable
final class CertificateLogin extends ChannelInboundHandlerAdapter {

    static final CertificateLogin INSTANCE = new CertificateLogin();
    private static final Logger log = LoggerFactory.getLogger(CertificateLogin.class);

    private CertificateLogin() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
            X509Certificate certificate = peerCertificate(ctx);
            if (certificate != null) {
                String user = CertificateUser.of(certificate);
                if (user == null) {
                    log.atWarn().addKeyValue("remote", ctx.channel().remoteAddress())
                            .addKeyValue("subject", certificate.getSubjectX500Principal().getName())
                            .log("closing connection: the client certificate has no single CN usable as a user"
                                    + " name");
                    ctx.close();
                    return;
                }
                ctx.channel().attr(CertificateUser.ATTRIBUTE).set(user);
            }
        }
        super.userEventTriggered(ctx, event);
    }

    /** The client's verified certificate, or null when it presented none (client certificates optional). */
    private static X509Certificate peerCertificate(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        try {
            Certificate[] chain = tls.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate first ? first : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }
}
