/**
 * The NAT gateway: phones behind a NAT register and are reached over the flow their REGISTER came
 * on, their Contact is made reachable for the other side of a call, and a STUN server (RFC 5389)
 * answers on the SIP sockets and on its own port. A plugin the server finds with ServiceLoader.
 */
package org.switchboard.nat;
