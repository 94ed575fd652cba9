package org.switchboard.core.dns;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The DNS queries RFC 3263 needs. Names are absolute and given without the trailing dot.
 *
 * <p><b>Threading: blocking</b> (network I/O); called only from the DNS executor, never on an
 * event loop. Implementations are thread-safe.
 */
public interface DnsLookup {

    DnsAnswer<NaptrRecord> naptr(String name) throws IOException;

    DnsAnswer<SrvRecord> srv(String name) throws IOException;

    /** A records, or AAAA records if {@code ipv6}. */
    DnsAnswer<InetAddress> addresses(String name, boolean ipv6) throws IOException;
}
