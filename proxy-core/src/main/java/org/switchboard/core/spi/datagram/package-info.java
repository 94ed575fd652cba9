/**
 * The datagram demultiplexer: {@link org.switchboard.core.spi.datagram.DatagramClaim}s that look at
 * each datagram on the SIP UDP sockets before the SIP codec and may take non-SIP packets (STUN, RFC
 * 5389, on the SIP port as RFC 5626 §4.4.2 has it).
 */
package org.switchboard.core.spi.datagram;
