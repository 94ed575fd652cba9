package org.switchboard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.time.ManualClock;

class CachingDnsLookupTest {
    private final AtomicInteger queries = new AtomicInteger();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DnsLookup counting = new DnsLookup() {
        @Override
        public DnsAnswer<NaptrRecord> naptr(String name) {
            queries.incrementAndGet();
            return DnsAnswer.empty(30);
        }

        @Override
        public DnsAnswer<SrvRecord> srv(String name) {
            queries.incrementAndGet();
            return new DnsAnswer<>(List.of(new SrvRecord(0, 0, 5060, "a")), 10);
        }

        @Override
        public DnsAnswer<InetAddress> addresses(String name, boolean ipv6) {
            queries.incrementAndGet();
            return DnsAnswer.empty(0);
        }
    };

    @Test
    void keepsAnswersForTheirTtl() throws Exception {
        CachingDnsLookup cache = new CachingDnsLookup(counting, clock, 10, 3600);
        cache.srv("_sip._udp.example.com");
        cache.srv("_sip._udp.example.com");
        assertThat(queries).hasValue(1);
        clock.advance(Duration.ofSeconds(11));
        cache.srv("_sip._udp.example.com");
        assertThat(queries).hasValue(2);
    }

    @Test
    void cachesNegativeAnswersButNotThoseWithoutTtl() throws Exception {
        CachingDnsLookup cache = new CachingDnsLookup(counting, clock, 10, 3600);
        cache.naptr("example.com");
        cache.naptr("example.com");
        cache.addresses("example.com", false);
        cache.addresses("example.com", false);
        assertThat(queries).hasValue(3);
    }

    @Test
    void staysWithinItsCapacity() throws Exception {
        CachingDnsLookup cache = new CachingDnsLookup(counting, clock, 2, 3600);
        cache.srv("a");
        cache.srv("b");
        cache.srv("c");
        cache.srv("a");
        assertThat(queries).hasValue(4);
    }
}
