package org.switchboard.core.spi.route;


/**
 * Makes the server's {@link Router} from the default one, for a plugin that decides routes (the dial
 * plan): the default router stays available to reach a user's registered contacts or another
 * domain's server, which the plugin's router delegates to.
 */
@FunctionalInterface
public interface RouterFactory {

    /**
     * Called once, when the SIP stack is built.
     *
     * @param local the default router: the location service for our domains, RFC 3263 (or the
     *     outbound proxy) for others
     * @param domains our domains and users; answers from memory
     */
    Router create(Router local, DomainCatalog domains);
}
