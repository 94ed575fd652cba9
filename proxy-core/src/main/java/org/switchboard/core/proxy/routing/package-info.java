/**
 * Where a request goes: the {@link org.switchboard.core.proxy.routing.Router} the proxy asks for
 * the targets of an initial request (the dial plan implements it; {@link
 * org.switchboard.core.proxy.routing.LocalRouter} is the default), its {@link
 * org.switchboard.core.proxy.routing.RouteDecision}, and the {@link
 * org.switchboard.core.proxy.routing.DomainCatalog} of the domains and users this server serves.
 */
package org.switchboard.core.proxy.routing;
