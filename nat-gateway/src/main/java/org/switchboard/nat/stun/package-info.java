/**
 * The STUN server (RFC 5389, answering RFC 3489 clients too): Binding requests on the SIP UDP
 * sockets through the datagram demultiplexer (RFC 5626 §4.4.2) and on its own port with a second
 * port for CHANGE-REQUEST, with statistics per source address as the 4S STUN server kept them.
 */
package org.switchboard.nat.stun;
