package org.switchboard.server.config;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP server listens (settings files for phones, later the web admin). Immutable.
 *
 * @param port the TCP port, 1 to 65535, or {@link #DISABLED} for no HTTP server at all
 * @param listenAddress the local address; {@code 0.0.0.0} is every IPv4 address, {@code ::} every address
 * @param externalUrl the base URL by which phones reach the HTTP server, if it differs from the
 *     address they reach SIP at (a reverse proxy, NAT, HTTPS terminated elsewhere); an absolute
 *     {@code http} or {@code https} URL
 */
public record HttpSettings(int port, InetAddress listenAddress, Optional<URI> externalUrl) {
    /** The port value that switches HTTP off. */
    public static final int DISABLED = 0;

    /** @throws IllegalArgumentException for a port out of range or an unusable external URL */
    public HttpSettings {
        if (port < DISABLED || port > ServerConfig.MAX_PORT) {
            throw new IllegalArgumentException("HTTP port " + port + " is not between 1 and " + ServerConfig.MAX_PORT
                    + " (or 0 to disable HTTP)");
        }
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(externalUrl, "externalUrl");
        externalUrl.ifPresent(HttpSettings::requireHttpUrl);
    }

    /**
     * Checks a base URL for phones: absolute {@code http} or {@code https}, no query or fragment.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void requireHttpUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("external URL " + url + " is not an absolute http:// or https:// URL");
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException("external URL " + url + " must not have a query or fragment");
        }
    }

    /** Whether the server runs HTTP. */
    public boolean enabled() {
        return port != DISABLED;
    }
}
