package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.transport.Addresses;

/**
 * The host names, addresses and ports by which this server is addressed, to tell a request meant
 * for the server itself (OPTIONS ping, REGISTER to its domain) from one to be routed on.
 * Immutable; safe to share between threads.
 */
public final class LocalAddresses {
    private final Set<String> hosts;
    private final Set<Integer> ports;

    /**
     * @param hosts host names and address literals (IPv6 in brackets, as in URIs)
     * @param ports the SIP ports this server listens on
     */
    public LocalAddresses(Set<String> hosts, Set<Integer> ports) {
        Set<String> lower = new HashSet<>();
        for (String h : hosts) {
            lower.add(normalise(h));
        }
        this.hosts = Set.copyOf(lower);
        this.ports = Set.copyOf(ports);
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]") && isIpv6Literal(h)) {
            // one IPv6 address has many spellings (RFC 5952); compare the short form
            try {
                return Addresses.host(InetAddress.getByName(h.substring(1, h.length() - 1)));
            } catch (UnknownHostException e) {
                return h;
            }
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Only hex digits, colons and dots: a literal, so parsing it never asks DNS. */
    private static boolean isIpv6Literal(String bracketed) {
        for (int i = 1; i < bracketed.length() - 1; i++) {
            char c = bracketed.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return bracketed.indexOf(':') > 0;
    }

    /** Whether the host is one of ours. */
    public boolean isLocalHost(String host) {
        return hosts.contains(normalise(host));
    }

    /**
     * Whether the URI addresses this server: one of our hosts, and our port (a URI without a port
     * means the default port of its scheme and transport, 5061 for {@code sips:} and {@code
     * transport=tls}, RFC 3261 §19.1.2).
     */
    public boolean isLocal(SipUri uri) {
        if (!isLocalHost(uri.host())) {
            return false;
        }
        boolean tls = uri.isSecure() || "tls".equalsIgnoreCase(uri.transportParam());
        int port = uri.port() >= 0 ? uri.port() : (tls ? 5061 : 5060);
        return ports.contains(port);
    }

    public Set<String> hosts() {
        return hosts;
    }

    public Set<Integer> ports() {
        return ports;
    }
}
