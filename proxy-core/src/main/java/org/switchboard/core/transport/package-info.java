/**
 * The transport API: transports, flows, destinations and the {@link
 * org.switchboard.core.transport.SipSender} the transaction layer sends through. The Netty
 * implementation lives in {@code org.switchboard.core.transport.netty}.
 */
package org.switchboard.core.transport;
