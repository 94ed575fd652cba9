package org.switchboard.core.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * {@link DnsLookup} with dnsjava: queries the system's name servers (from {@code resolv.conf}),
 * and for addresses the hosts file first. Negative answers are cached for the SOA minimum, or
 * {@code defaultNegativeTtl} if the server sent none.
 *
 * <p>Threading: blocking; thread-safe.
 */
public final class DnsjavaLookup implements DnsLookup {
    private static final long HOSTS_FILE_TTL_SECONDS = 60;

    private final Resolver resolver;
    private final HostsFileParser hosts = new HostsFileParser();
    private final long defaultNegativeTtl;

    /** Reads the system resolver configuration, so call it at start, not on an event loop. */
    public DnsjavaLookup(Duration timeout, long defaultNegativeTtl) {
        this(new ExtendedResolver(), timeout, defaultNegativeTtl);
    }

    public DnsjavaLookup(Resolver resolver, Duration timeout, long defaultNegativeTtl) {
        this.resolver = resolver;
        this.resolver.setTimeout(timeout);
        this.defaultNegativeTtl = defaultNegativeTtl;
    }

    @Override
    public DnsAnswer<NaptrRecord> naptr(String name) throws IOException {
        return query(name, Type.NAPTR, r -> {
            NAPTRRecord n = (NAPTRRecord) r;
            return new NaptrRecord(n.getOrder(), n.getPreference(), n.getFlags(), n.getService(),
                    relative(n.getReplacement()));
        });
    }

    @Override
    public DnsAnswer<SrvRecord> srv(String name) throws IOException {
        return query(name, Type.SRV, r -> {
            SRVRecord s = (SRVRecord) r;
            return new SrvRecord(s.getPriority(), s.getWeight(), s.getPort(), relative(s.getTarget()));
        });
    }

    @Override
    public DnsAnswer<InetAddress> addresses(String name, boolean ipv6) throws IOException {
        int type = ipv6 ? Type.AAAA : Type.A;
        Optional<InetAddress> fromHosts = hosts.getAddressForHost(absolute(name), type);
        if (fromHosts.isPresent()) {
            return new DnsAnswer<>(List.of(fromHosts.get()), HOSTS_FILE_TTL_SECONDS);
        }
        return query(name, type, r -> ipv6 ? ((AAAARecord) r).getAddress() : ((ARecord) r).getAddress());
    }

    @FunctionalInterface
    private interface Convert<T> {
        T from(Record record);
    }

    private <T> DnsAnswer<T> query(String name, int type, Convert<T> convert) throws IOException {
        Message response = resolver.send(Message.newQuery(Record.newRecord(absolute(name), type, DClass.IN)));
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new IOException("DNS " + Type.string(type) + " query for " + name + " failed: " + Rcode.string(rcode));
        }
        List<T> records = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record.getType() == type) {
                records.add(convert.from(record));
                ttl = Math.min(ttl, record.getTTL());
            }
        }
        if (records.isEmpty()) {
            return DnsAnswer.empty(negativeTtl(response));
        }
        return new DnsAnswer<>(records, ttl);
    }

    private long negativeTtl(Message response) {
        for (Record record : response.getSection(Section.AUTHORITY)) {
            if (record instanceof SOARecord soa) {
                return Math.min(soa.getMinimum(), soa.getTTL());
            }
        }
        return defaultNegativeTtl;
    }

    private static Name absolute(String name) throws TextParseException {
        return Name.fromString(name.endsWith(".") ? name : name + ".");
    }

    private static String relative(Name name) {
        String s = name.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
