/**
 * The SIP transports on Netty (RFC 3261 §18): UDP and TCP listeners and client connections over IPv4
 * and IPv6, stream framing, stateless 400 answers to malformed requests, {@code received}/{@code
 * rport} handling (RFC 3581), response routing (§18.2.2) and the message trace. The entry point is
 * {@link org.switchboard.core.transport.netty.NettyTransportLayer}; everything else is internal.
 */
package org.switchboard.core.transport.netty;
