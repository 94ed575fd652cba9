package org.switchboard.core.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;

/**
 * Finds the ordered list of destinations to try for a SIP URI (RFC 3263 §4): the transport from
 * the URI's {@code transport} parameter, a NAPTR record or SRV records, the addresses from A/AAAA
 * records. Callers try the destinations in order and fail over to the next on a transport error,
 * a timeout or a 503 (§4.3). Only transports in {@code supported} are returned.
 *
 * <p>Threading: <b>blocking</b> (DNS); runs on the DNS executor. Thread-safe.
 */
public final class SipServerLocator {
    private final DnsLookup dns;
    private final Set<Transport> supported;

    public SipServerLocator(DnsLookup dns, Set<Transport> supported) {
        this.dns = dns;
        this.supported = Set.copyOf(supported);
    }

    /**
     * @return the destinations in the order to try them; empty if the name has no usable address
     * @throws IOException if a DNS query failed (timeout, server failure)
     */
    public List<Destination> locate(SipUri uri) throws IOException {
        List<Destination> out = new ArrayList<>();
        Destination numeric = ofLiteral(uri);
        if (numeric != null) {
            addIfSupported(out, numeric.transport(), numeric.address());
            return out;
        }
        Transport named = namedTransport(uri);
        String host = uri.hostAddress();
        Transport fallback = fallback(uri, named);
        if (uri.port() >= 0) {
            // §4.2: a port but no numeric address: A/AAAA only
            addAddresses(out, host, fallback, uri.port());
            return out;
        }
        if (named != null) {
            // §4.2: a transport but no port: the SRV records of that transport
            if (!addSrv(out, srvPrefix(named, uri.isSecure()) + host, named)) {
                addAddresses(out, host, named, named.defaultPort());
            }
            return out;
        }
        if (addNaptr(out, host, uri.isSecure())) {
            return out;
        }
        // §4.1: no NAPTR: SRV for each transport we support, in our order of preference
        boolean found = false;
        for (Transport t : List.of(Transport.UDP, Transport.TCP, Transport.TLS)) {
            if (supported.contains(t) && (!uri.isSecure() || t == Transport.TLS)) {
                found |= addSrv(out, srvPrefix(t, uri.isSecure()) + host, t);
            }
        }
        if (!found) {
            addAddresses(out, host, fallback, fallback.defaultPort());
        }
        return out;
    }

    /**
     * The one destination of a URI whose host is an IP address, whatever transports we support
     * (RFC 3263 §4.1/§4.2: the named transport, else UDP, TLS for sips; the URI's port, else that
     * transport's default), or {@code null} for a host name. Asks no DNS.
     */
    public static Destination ofLiteral(SipUri uri) {
        InetAddress literal = IpLiterals.parse(uri.hostAddress());
        if (literal == null) {
            return null;
        }
        Transport transport = fallback(uri, namedTransport(uri));
        return Destination.of(transport, new InetSocketAddress(literal, portOr(uri, transport)));
    }

    private static Transport fallback(SipUri uri, Transport named) {
        return named != null ? named : uri.isSecure() ? Transport.TLS : Transport.UDP;
    }

    private static Transport namedTransport(SipUri uri) {
        String param = uri.transportParam();
        if (param == null) {
            return null;
        }
        Transport t = Transport.fromName(param);
        return t == Transport.TCP && uri.isSecure() ? Transport.TLS : t;
    }

    private static int portOr(SipUri uri, Transport transport) {
        return uri.port() >= 0 ? uri.port() : transport.defaultPort();
    }

    private static String srvPrefix(Transport transport, boolean secure) {
        return switch (transport) {
            case TLS -> "_sips._tcp.";
            case TCP -> secure ? "_sips._tcp." : "_sip._tcp.";
            default -> "_sip._" + transport.name().toLowerCase(Locale.ROOT) + ".";
        };
    }

    /** §4.1: NAPTR records whose service we support, by order then preference; true if any was usable. */
    private boolean addNaptr(List<Destination> out, String host, boolean secure) throws IOException {
        List<NaptrRecord> records = new ArrayList<>(dns.naptr(host).records());
        records.sort(Comparator.comparingInt(NaptrRecord::order).thenComparingInt(NaptrRecord::preference));
        boolean usable = false;
        for (NaptrRecord naptr : records) {
            Transport t = serviceTransport(naptr.service());
            if (t == null || !supported.contains(t) || (secure && t != Transport.TLS)
                    || !naptr.flags().equalsIgnoreCase("s")) {
                continue;
            }
            usable |= addSrv(out, naptr.replacement(), t);
        }
        return usable;
    }

    private static Transport serviceTransport(String service) {
        return switch (service.toUpperCase(Locale.ROOT)) {
            case "SIP+D2U" -> Transport.UDP;
            case "SIP+D2T" -> Transport.TCP;
            case "SIPS+D2T" -> Transport.TLS;
            default -> null;
        };
    }

    /**
     * RFC 2782: by priority, then the larger weight first (a fixed order rather than a weighted draw,
     * so that failover is predictable). True if the name had SRV records.
     */
    private boolean addSrv(List<Destination> out, String name, Transport transport) throws IOException {
        List<SrvRecord> records = new ArrayList<>(dns.srv(name).records());
        if (records.isEmpty()) {
            return false;
        }
        records.sort(Comparator.comparingInt(SrvRecord::priority)
                .thenComparing(Comparator.comparingInt(SrvRecord::weight).reversed()));
        for (SrvRecord srv : records) {
            if (!srv.target().isEmpty() && !srv.target().equals(".")) {
                addAddresses(out, srv.target(), transport, srv.port());
            }
        }
        return true;
    }

    /** A records first, then AAAA. */
    private void addAddresses(List<Destination> out, String host, Transport transport, int port) throws IOException {
        if (!supported.contains(transport)) {
            return;
        }
        InetAddress literal = IpLiterals.parse(host);
        if (literal != null) {
            addIfSupported(out, transport, new InetSocketAddress(literal, port));
            return;
        }
        for (boolean ipv6 : new boolean[] {false, true}) {
            for (InetAddress address : dns.addresses(host, ipv6).records()) {
                addIfSupported(out, transport, new InetSocketAddress(address, port));
            }
        }
    }

    private void addIfSupported(List<Destination> out, Transport transport, InetSocketAddress address) {
        Destination d = Destination.of(transport, address);
        if (supported.contains(transport) && !out.contains(d)) {
            out.add(d);
        }
    }
}
