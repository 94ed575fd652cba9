/**
 * The one relay point: {@link org.switchboard.core.spi.relay.RelayHook}s see every relayed request
 * and response and may rewrite headers and body (SDP for an RTP relay).
 */
package org.switchboard.core.spi.relay;
