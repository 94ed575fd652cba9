/**
 * Where a request goes: the asynchronous {@link org.switchboard.core.spi.route.Router} the proxy
 * asks about each initial request (with the authenticated caller and the flow), its {@link
 * org.switchboard.core.spi.route.RouteDecision} (target groups with ring times and a fallback, a
 * redirect, or a rejection), and the {@link org.switchboard.core.spi.route.Target}s.
 */
package org.switchboard.core.spi.route;
