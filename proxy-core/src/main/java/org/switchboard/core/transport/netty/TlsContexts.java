package org.switchboard.core.transport.netty;

import io.netty.handler.ssl.SslContext;

/**
 * The TLS contexts the SIP transport TLS uses (RFC 3261 §26.3.1): asked for each new connection,
 * so that a certificate replaced while the server runs applies from the next handshake on, while
 * connections already open keep theirs. Implementations must be thread-safe and must not block.
 */
public interface TlsContexts {

    /** The context for connections phones and other servers open to our TLS listen points. */
    SslContext server();

    /** The context for TLS connections we open ourselves. */
    SslContext client();
}
