/**
 * The SIP side of plug-and-play: recognising a phone's {@code ua-profile} SUBSCRIBE (RFC 6080
 * §6), suppressing repeats, and building the 200 OK and the NOTIFY that carries the settings URL
 * (RFC 6665 §4.2). Nothing here does I/O: the multicast listener and the transaction layer send
 * what {@link org.switchboard.pnp.subscribe.PnpSubscribeHandler} returns.
 */
package org.switchboard.pnp.subscribe;
