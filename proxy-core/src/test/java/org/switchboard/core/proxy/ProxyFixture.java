package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.switchboard.core.auth.AuthResult;
import org.switchboard.core.auth.AuthRole;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.cdr.InMemoryCallRecordStore;
import org.switchboard.core.dns.DnsAnswer;
import org.switchboard.core.dns.DnsLookup;
import org.switchboard.core.dns.NaptrRecord;
import org.switchboard.core.dns.SipServerLocator;
import org.switchboard.core.dns.SrvRecord;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.sip.SipMessage;

/**
 * A running {@link SipStack} with the proxy on 127.0.0.1 (UDP and TCP) and ::1 (UDP), ephemeral ports, short
 * timers, and fakes for the location service, the user directory, the authenticator and DNS.
 */
final class ProxyFixture implements AutoCloseable {
    static final String DOMAIN = "example.test";
    /** The domain of callers from outside. */
    static final String OUTSIDE = "outside.test";
    /** T1 = 50 ms: Timer B and F take 3.2 s. */
    static final TimerSettings FAST = new TimerSettings(50, 400, 500);
    static final Duration GROUP_TIMEOUT = Duration.ofMillis(700);
    static final Duration RING_TIMEOUT = Duration.ofMillis(2000);
    /** 8*T1, as the default 4 s is for T1 = 500 ms. */
    static final Duration FIRST_RESPONSE_TIMEOUT = Duration.ofMillis(400);

    final SipStack stack;
    final Location location = new Location();
    final Domains domains = new Domains();
    final Dns dns = new Dns();
    final InMemoryCallRecordStore records = new InMemoryCallRecordStore(100);

    ProxyFixture() throws IOException {
        this(List.of(new ListenPoint(Transport.UDP, new InetSocketAddress("127.0.0.1", 0)),
                new ListenPoint(Transport.TCP, new InetSocketAddress("127.0.0.1", 0)),
                new ListenPoint(Transport.UDP, new InetSocketAddress("::1", 0))));
    }

    /** A proxy on the default listen points whose services {@code customize} changes (router, hooks). */
    ProxyFixture(UnaryOperator<ProxyServices> customize) throws IOException {
        this(List.of(new ListenPoint(Transport.UDP, new InetSocketAddress("127.0.0.1", 0)),
                new ListenPoint(Transport.TCP, new InetSocketAddress("127.0.0.1", 0)),
                new ListenPoint(Transport.UDP, new InetSocketAddress("::1", 0))), customize);
    }

    /** A proxy on the given listen points, which must include IPv4 UDP, IPv4 TCP and IPv6 UDP. */
    ProxyFixture(List<ListenPoint> points) throws IOException {
        this(points, UnaryOperator.identity());
    }

    private ProxyFixture(List<ListenPoint> points, UnaryOperator<ProxyServices> customize) throws IOException {
        // as the server does, our domain names this server too
        SipStackConfig config = SipStackConfig.of(TransportConfig.withListenPoints(points).withEventLoopThreads(2))
                .withTimers(FAST).withHostNames(Set.of(DOMAIN));
        ProxySettings settings = ProxySettings.DEFAULTS
                .withTimers(Duration.ofSeconds(181), GROUP_TIMEOUT, RING_TIMEOUT)
                .withUnavailableHostTtl(Duration.ofSeconds(30))
                .withFirstResponseTimeout(FIRST_RESPONSE_TIMEOUT);
        ProxyServices services = ProxyServices.local(domains, location)
                .withAuthenticator(new FakeAuthenticator())
                .withCallRecords(records)
                .withDns(dns)
                .withSettings(settings);
        stack = new SipStack(config, List.of(), customize.apply(services));
        stack.start();
    }

    InetSocketAddress udp() {
        return stack.transports().boundListenPoint(Transport.UDP, false).address();
    }

    InetSocketAddress udp6() {
        return stack.transports().boundListenPoint(Transport.UDP, true).address();
    }

    InetSocketAddress tcp() {
        return stack.transports().boundListenPoint(Transport.TCP, false).address();
    }

    /**
     * A scripted phone on UDP at the proxy address's family (the phone talks IPv6 to a proxy on
     * ::1), its From in a domain outside ours, so that no authentication is asked.
     */
    static Phone ua(String user, InetSocketAddress proxy) {
        return ua(user, OUTSIDE, proxy);
    }

    /** A scripted phone on UDP, from outside, whose every wait ends after {@code timeout}. */
    static Phone ua(String user, InetSocketAddress proxy, Duration timeout) {
        return Phone.of(user, OUTSIDE).server(proxy).localAddress(proxy.getAddress()).timeout(timeout).open();
    }

    /** A scripted phone on UDP whose From is in {@code domain} ({@link #DOMAIN} for our own users). */
    static Phone ua(String user, String domain, InetSocketAddress proxy) {
        return Phone.of(user, domain).server(proxy).localAddress(proxy.getAddress()).open();
    }

    /** A scripted phone on TCP: it connects to the proxy for what it sends and takes the proxy's connections. */
    static Phone tcpUa(String user, InetSocketAddress proxy) {
        return Phone.of(user, OUTSIDE).server(proxy).localAddress(proxy.getAddress()).tcp().open();
    }

    /** Registers {@code ua} as a contact of {@code user} in our domain, with the flow a REGISTER would have had. */
    void register(String user, Phone ua, double q) {
        boolean overTcp = ua.transport() == org.switchboard.testkit.phone.Transport.TCP;
        InetSocketAddress proxyLocal = overTcp ? tcp() : ua.localAddress().getAddress() instanceof Inet6Address
                ? udp6() : udp();
        Flow flow = new Flow(overTcp ? Transport.TCP : Transport.UDP, proxyLocal, ua.localAddress(), 0);
        location.add(user, new RegisteredContact(ua.contact(), q, List.of(), flow, Instant.now().plusSeconds(3600),
                null, 0));
        domains.users.add(user);
    }

    /** The call record of {@code callId}, waiting up to 3 s for it to be written. */
    CallRecord awaitRecord(String callId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            for (CallRecord r : records.records()) {
                if (r.callId().equals(callId)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No call record for " + callId + " in " + records.records());
    }

    @Override
    public void close() {
        stack.stop();
    }

    /** The location service: contacts per user of {@link #DOMAIN}. */
    static final class Location implements LocationService {
        private final Map<String, List<RegisteredContact>> contacts = new ConcurrentHashMap<>();

        void add(String user, RegisteredContact contact) {
            contacts.computeIfAbsent(user, u -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(contact);
        }

        @Override
        public List<RegisteredContact> lookup(AddressOfRecord aor) {
            if (!aor.host().equals(DOMAIN)) {
                return List.of();
            }
            List<RegisteredContact> list = new ArrayList<>(contacts.getOrDefault(aor.user(), List.of()));
            list.sort((a, b) -> Double.compare(b.q(), a.q()));
            return List.copyOf(list);
        }

        /** By scanning every contact, as the fixture has few. */
        @Override
        public boolean isContactReachedAt(Transport transport, InetSocketAddress address) {
            Destination place = Destination.of(transport, address);
            for (List<RegisteredContact> list : contacts.values()) {
                for (RegisteredContact c : list) {
                    if (place.equals(Destination.of(c.flow().transport(), c.flow().remote()))
                            || place.equals(SipServerLocator.ofLiteral(SipUri.parse(c.uri())))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** One domain; users added by {@link #register} or by hand. */
    static final class Domains implements DomainCatalog {
        final Set<String> users = ConcurrentHashMap.newKeySet();

        @Override
        public boolean isLocalDomain(String host) {
            return host.equalsIgnoreCase(DOMAIN);
        }

        @Override
        public boolean userExists(AddressOfRecord aor) {
            return aor.host().equals(DOMAIN) && users.contains(aor.user());
        }
    }

    /** A Proxy-Authorization value, as {@link FakeAuthenticator} accepts it for {@code user}. */
    static String credentials(String user) {
        return "Digest username=\"" + user + "\", realm=\"" + DOMAIN + "\", nonce=\"n1\"";
    }

    /** A request changed to carry {@link #credentials} of {@code user}. */
    static UnaryOperator<SipMessage> withCredentials(String user) {
        return m -> m.with("Proxy-Authorization", credentials(user));
    }

    /** Accepts {@code Proxy-Authorization: Digest username="<user>", ...} for any user; challenges otherwise. */
    static final class FakeAuthenticator implements Authenticator {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public AuthResult authenticate(SipRequest request, InetAddress source, AuthRole role) {
            calls.incrementAndGet();
            String credentials = request.header(HeaderName.PROXY_AUTHORIZATION);
            if (credentials == null || !credentials.startsWith("Digest username=\"")) {
                return new AuthResult.Challenge(role, List.of("Digest realm=\"" + DOMAIN + "\", nonce=\"n1\""), false);
            }
            String user = credentials.substring(17, credentials.indexOf('"', 17));
            return new AuthResult.Authenticated(user, DOMAIN);
        }
    }

    /** DNS answers set by the tests, and every name asked for. */
    static final class Dns implements DnsLookup {
        final Map<String, List<SrvRecord>> srv = new ConcurrentHashMap<>();
        final Map<String, List<InetAddress>> a = new ConcurrentHashMap<>();
        final Set<String> queried = ConcurrentHashMap.newKeySet();

        @Override
        public DnsAnswer<NaptrRecord> naptr(String name) {
            queried.add(name);
            return DnsAnswer.empty(0);
        }

        @Override
        public DnsAnswer<SrvRecord> srv(String name) {
            queried.add(name);
            return new DnsAnswer<>(srv.getOrDefault(name, List.of()), 0);
        }

        @Override
        public DnsAnswer<InetAddress> addresses(String name, boolean ipv6) {
            queried.add(name);
            return new DnsAnswer<>(ipv6 ? List.of() : a.getOrDefault(name, List.of()), 0);
        }
    }

    static void assertHasReasonCompletedElsewhere(SipMessage cancel) {
        assertThat(cancel.header("Reason")).contains("SIP;cause=200;text=\"Call completed elsewhere\"");
    }
}
