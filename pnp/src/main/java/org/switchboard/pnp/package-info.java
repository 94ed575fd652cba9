/**
 * Phone plug-and-play provisioning: answering a phone's multicast {@code ua-profile} SUBSCRIBE
 * (RFC 6080) with the URL of its settings, and serving those settings over HTTP.
 *
 * <p>Sub-packages by feature: {@code subscribe} (recognising the SUBSCRIBE and building the 200 OK
 * and NOTIFY), {@code token} (time-limited, MAC-bound fetch tokens), {@code settings} (the settings
 * model and its FreeMarker rendering) and {@code http} (the Jetty handler serving the files). The
 * sockets, the device database and the wiring live in other modules.
 */
package org.switchboard.pnp;
