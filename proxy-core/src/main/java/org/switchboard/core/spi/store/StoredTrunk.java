package org.switchboard.core.spi.store;

import java.util.Locale;
import java.util.Objects;

/**
 * A trunk: a gateway or an Internet telephony service provider that calls leave and arrive through,
 * as the admin configured it (docs/dialplan.md, "Trunks"). Immutable.
 *
 * @param name unique; rules name the trunk by it ({@code forward trunk:NAME}, {@code --from trunk:NAME})
 * @param domain our domain whose dial plan decides the trunk's inbound calls (its DIDs)
 * @param host the provider's host name or address, the Request-URI host of calls to it
 * @param port its port, or 0 for the default of the transport (5060)
 * @param transport {@code udp} or {@code tcp}
 * @param username the account name at the provider, or {@code null} for a trunk without credentials
 * @param password the account's password, or {@code null}
 * @param realm the realm the credentials are for, or {@code null} for any realm the provider names
 * @param outboundProxy a SIP URI that requests to the provider are sent through (a Route, RFC 3261
 *     §8.1.2), or {@code null}
 * @param fromUser the user part our calls present (the external number), or {@code null} for the
 *     caller's own number
 * @param identity where the external number goes: {@code from}, {@code pai} (P-Asserted-Identity,
 *     RFC 3325) or {@code both}
 * @param register whether the server registers at the provider (RFC 3261 §10.2)
 * @param expiry the registration's requested expiry in seconds
 */
public record StoredTrunk(String name, String domain, String host, int port, String transport, String username,
        String password, String realm, String outboundProxy, String fromUser, String identity, boolean register,
        int expiry) {

    public StoredTrunk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(host, "host");
        domain = domain.toLowerCase(Locale.ROOT);
        transport = transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
        identity = identity == null ? "from" : identity.toLowerCase(Locale.ROOT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("A port is 0-65535, not " + port);
        }
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException("A trunk's transport is udp or tcp, not " + transport);
        }
        if (!identity.equals("from") && !identity.equals("pai") && !identity.equals("both")) {
            throw new IllegalArgumentException("A trunk's identity is from, pai or both, not " + identity);
        }
        if (register && (username == null || password == null)) {
            throw new IllegalArgumentException("A trunk that registers needs a username and a password");
        }
        if (expiry < 60) {
            throw new IllegalArgumentException("A registration's expiry is at least 60 seconds, not " + expiry);
        }
    }
}
