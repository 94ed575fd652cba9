package org.switchboard.core.plugin;

import java.net.URI;
import java.util.Optional;

/**
 * The server's one HTTP server, to which plugins mount handlers under a context path.
 *
 * <p>Handlers are typed {@link Object} so that proxy-core stays free of Jetty: the server accepts
 * a Jetty 12 core {@code org.eclipse.jetty.server.Handler} and refuses anything else at mount time
 * with {@link IllegalArgumentException}, so a wrong type fails the plugin's start, not a request.
 * A plugin that serves HTTP depends on Jetty itself.
 *
 * <p>Thread-safe. {@link #mount} is meant for {@link Plugin#start}, before the HTTP server starts.
 */
public interface HttpMount {

    /** Whether the server runs HTTP at all (an admin can switch it off). */
    boolean enabled();

    /**
     * Serves requests under {@code contextPath} (e.g. {@code /provisioning}) with {@code handler}.
     *
     * @throws IllegalArgumentException if the handler is not a Jetty {@code Handler}, or the path
     *     does not start with {@code /} or is already mounted
     * @throws IllegalStateException if HTTP is disabled
     */
    void mount(String contextPath, Object handler);

    /**
     * The port the HTTP server listens on, once it has started.
     *
     * @throws IllegalStateException if HTTP is disabled or not started yet
     */
    int port();

    /**
     * The base URL (scheme, host, optional port and path) an admin configured as the address by
     * which phones and browsers reach the HTTP server, for example behind a reverse proxy; empty if
     * none was configured, in which case a URL is built from the address a client used.
     */
    Optional<URI> externalUrl();
}
