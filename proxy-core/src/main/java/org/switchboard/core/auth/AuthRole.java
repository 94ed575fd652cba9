package org.switchboard.core.auth;

import org.switchboard.core.message.HeaderName;

/**
 * The role in which a request is authenticated, which fixes the status code and the header pair
 * (RFC 3261 §22.2 for user agents and registrars, §22.3 for proxies). Immutable.
 */
public enum AuthRole {
    /** A registrar or user agent server: 401 with WWW-Authenticate, credentials in Authorization. */
    REGISTRAR(401, "Unauthorized", HeaderName.WWW_AUTHENTICATE, HeaderName.AUTHORIZATION),
    /** A proxy: 407 with Proxy-Authenticate, credentials in Proxy-Authorization. */
    PROXY(407, "Proxy Authentication Required", HeaderName.PROXY_AUTHENTICATE, HeaderName.PROXY_AUTHORIZATION);

    private final int statusCode;
    private final String reasonPhrase;
    private final HeaderName challengeHeader;
    private final HeaderName credentialsHeader;

    AuthRole(int statusCode, String reasonPhrase, HeaderName challengeHeader, HeaderName credentialsHeader) {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        this.challengeHeader = challengeHeader;
        this.credentialsHeader = credentialsHeader;
    }

    /** The status code of a challenge in this role: 401 or 407. */
    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The header a challenge goes in: WWW-Authenticate or Proxy-Authenticate. */
    public HeaderName challengeHeader() {
        return challengeHeader;
    }

    /** The header the client answers in: Authorization or Proxy-Authorization. */
    public HeaderName credentialsHeader() {
        return credentialsHeader;
    }
}
