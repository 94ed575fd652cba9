package org.switchboard.dialplan.trunks;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.transport.Transport;

/**
 * A trunk as the running server uses it: its configuration and the addresses its host (and
 * outbound proxy) resolved to, which tell its inbound calls. Immutable.
 *
 * @param addresses where requests from the trunk come from: its host's and outbound proxy's addresses
 */
public record Trunk(StoredTrunk config, List<InetAddress> addresses) {

    public Trunk {
        addresses = List.copyOf(addresses);
    }

    public String name() {
        return config.name();
    }

    public Transport transport() {
        return config.transport().equals("tcp") ? Transport.TCP : Transport.UDP;
    }

    /** The port requests go to: the configured one, or the transport's default. */
    public int port() {
        return config.port() == 0 ? transport().defaultPort() : config.port();
    }

    /** Whether the server holds credentials for the trunk's challenges. */
    public boolean hasCredentials() {
        return config.username() != null && config.password() != null;
    }

    /**
     * The user part of the Contact the server registers, at which the provider sends calls to
     * registered DIDs (its account name, as providers expect).
     */
    public String contactUser() {
        return config.username() != null ? config.username() : config.name();
    }

    /**
     * Where a call to {@code number} goes: the Request-URI at the trunk's host and port (RFC 3261
     * §16.5), with the outbound proxy, if any, as a loose route in front (§8.1.2, §16.6 step 5).
     */
    public Target target(String number) {
        String transport = config.transport().equals("tcp") ? ";transport=tcp" : "";
        SipUri uri = SipUri.parse("sip:" + number + "@" + hostPort() + transport);
        return config.outboundProxy() == null ? Target.of(uri) : Target.via(uri, proxyRoute());
    }

    /** Whether {@code target} goes to this trunk: its host and port. */
    public boolean carries(Target target) {
        SipUri uri = target.uri();
        int port = uri.port() > 0 ? uri.port() : transport().defaultPort();
        return uri.host().equalsIgnoreCase(config.host()) && port == port();
    }

    /** The registrar's URI, the Request-URI of the REGISTER (RFC 3261 §10.2: the domain, no user). */
    public String registrarUri() {
        return "sip:" + hostPort() + (config.transport().equals("tcp") ? ";transport=tcp" : "");
    }

    /** The address-of-record the server registers: the account at the provider's domain. */
    public String addressOfRecord() {
        return "sip:" + contactUser() + "@" + host();
    }

    /** The outbound proxy as a Route value with {@code lr} (RFC 3261 §19.1.1), or {@code null}. */
    public String proxyRoute() {
        String proxy = config.outboundProxy();
        if (proxy == null) {
            return null;
        }
        String uri = proxy.startsWith("<") ? proxy.substring(1, proxy.length() - 1) : proxy;
        return "<" + (uri.toLowerCase(Locale.ROOT).contains(";lr") ? uri : uri + ";lr") + ">";
    }

    /** The host our requests go to first: the outbound proxy's when there is one, else the trunk's. */
    public String firstHopHost() {
        return config.outboundProxy() == null ? config.host() : proxyUri().host();
    }

    /** The port of the first hop. */
    public int firstHopPort() {
        if (config.outboundProxy() == null) {
            return port();
        }
        int p = proxyUri().port();
        return p > 0 ? p : transport().defaultPort();
    }

    private SipUri proxyUri() {
        String proxy = config.outboundProxy();
        return SipUri.parse(proxy.startsWith("<") ? proxy.substring(1, proxy.length() - 1) : proxy);
    }

    private String host() {
        String h = config.host();
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private String hostPort() {
        return config.port() == 0 ? host() : host() + ":" + config.port();
    }
}
