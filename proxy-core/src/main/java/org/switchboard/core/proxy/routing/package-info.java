/**
 * The default routing: {@link org.switchboard.core.proxy.routing.LocalRouter}, which sends requests
 * for our domains to the registered contacts of their user, and the {@link
 * org.switchboard.core.spi.route.DomainCatalog} of the domains and users this server serves.
 */
package org.switchboard.core.proxy.routing;
