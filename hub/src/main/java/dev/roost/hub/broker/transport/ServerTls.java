package dev.roost.hub.broker.transport;

import io.netty.handler.ssl.SslContext;

/**
 * What a TLS listener wraps its connections in.
 *
 * @param context               the server certificate, protocols and (optionally) the CAs of client certificates
 * @param certificateNamesUser  a verified client certificate's CN logs the client in as that user
 */
public record ServerTls(SslContext context, boolean certificateNamesUser) {
}
