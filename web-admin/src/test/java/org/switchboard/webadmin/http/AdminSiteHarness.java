package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.testkit.time.ManualClock;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.LoginThrottle;
import org.switchboard.webadmin.auth.PasswordHasher;
import org.switchboard.webadmin.auth.Sessions;
import org.switchboard.webadmin.auth.SetupToken;
import org.switchboard.webadmin.directory.ServerServices;
import org.switchboard.webadmin.fakes.InMemoryBans;
import org.switchboard.webadmin.fakes.InMemoryDevices;
import org.switchboard.webadmin.fakes.InMemoryDialPlan;
import org.switchboard.webadmin.fakes.InMemoryRegistrations;
import org.switchboard.webadmin.fakes.TestSettings;
import org.switchboard.webadmin.live.LiveCounters;

/**
 * The web admin on a Jetty with a {@link LocalConnector} (no socket), over in-memory stores, with
 * helpers to send raw HTTP requests as a browser would and to log in. One per test.
 */
final class AdminSiteHarness implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final PasswordHasher HASHER = new PasswordHasher();

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    final InMemoryAdmins admins = new InMemoryAdmins();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final InMemoryRegistrations registrations = new InMemoryRegistrations();
    final List<Binding> bindings = registrations.bindings;
    final InMemoryBans bans = new InMemoryBans(clock, List.of("192.0.2.0/24", "2001:db8::/32"));
    final InMemoryDialPlan dialPlan = new InMemoryDialPlan();
    final Settings settings = TestSettings.create();
    final InMemoryDevices devices = new InMemoryDevices((domain, name) -> admins.user(domain, name).isPresent());
    /** Call records, in any order; the call log asks for them newest first. */
    final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    final QueuedEventBus events = new QueuedEventBus();
    final SetupToken setup;
    final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), 100);
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    /** @param withAdmin whether a system admin {@code root} and domain {@code example.com} exist (setup done) */
    AdminSiteHarness(boolean withAdmin) throws Exception {
        if (withAdmin) {
            admins.add(new AdminAccount("root", HASHER.hash(PASSWORD.toCharArray()), AdminRole.SYSTEM_ADMIN, null,
                    clock.instant()));
            admins.addDomain("example.com");
            admins.addDomain("other.org");
            admins.add(new AdminAccount("carol", HASHER.hash(PASSWORD.toCharArray()), AdminRole.DOMAIN_ADMIN,
                    "example.com", clock.instant()));
        }
        setup = new SetupToken(!withAdmin);
        server.addConnector(connector);
        server.setHandler(new ContextHandler(AdminSite.handler(admins, new AuditLog(auditStore, clock), admins,
                registrations, this::callsBetween,
                new ServerServices(bans, devices, Optional.of(dialPlan), Optional.of(dialPlan),
                Optional.of(settings)), counters(), setup,
                sessions, new LoginThrottle(clock, 3, Duration.ofMinutes(15), Duration.ofHours(1), 100), HASHER,
                clock), AdminSite.MOUNT));
        server.start();
    }

    private LiveCounters counters() {
        LiveCounters counters = new LiveCounters(clock.instant());
        counters.listenTo(events);
        return counters;
    }

    private List<CallRecord> callsBetween(Instant from, Instant to, int offset, int limit) {
        return calls.stream().filter(c -> !c.start().isBefore(from) && c.start().isBefore(to))
                .sorted(java.util.Comparator.comparing(CallRecord::start).reversed()).skip(offset).limit(limit)
                .toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    HttpTester.Response get(String path, String cookies) throws Exception {
        return send("GET " + AdminSite.MOUNT + path + " HTTP/1.1\r\nHost: pbx.example.com\r\n"
                + (cookies == null ? "" : "Cookie: " + cookies + "\r\n") + "Connection: close\r\n\r\n");
    }

    HttpTester.Response post(String path, String cookies, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send("POST " + AdminSite.MOUNT + path + " HTTP/1.1\r\nHost: pbx.example.com\r\n"
                + (cookies == null ? "" : "Cookie: " + cookies + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
    }

    HttpTester.Response send(String raw) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(raw, Duration.ofSeconds(30).toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /** The value a response's Set-Cookie gives cookie {@code name}, or null. */
    static String cookie(HttpTester.Response response, String name) {
        for (String header : response.getValuesList("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';'));
            }
        }
        return null;
    }

    static String setCookieHeader(HttpTester.Response response, String name) {
        return response.getValuesList("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst()
                .orElse(null);
    }

    /** The value of hidden field {@code name} in a page. */
    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    /** Logs in as a browser would (form, token cookie, POST); returns the session cookie header value. */
    String login(String username, String password) throws Exception {
        HttpTester.Response form = get("/login", null);
        String loginCookie = cookie(form, Cookies.LOGIN);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", hidden(form.getContent(), "csrf"));
        fields.put("username", username);
        fields.put("password", password);
        fields.put("next", "/");
        HttpTester.Response done = post("/login", Cookies.LOGIN + "=" + loginCookie, fields);
        assertThat(done.getStatus()).as(done.getContent()).isEqualTo(303);
        return Cookies.SESSION + "=" + cookie(done, Cookies.SESSION);
    }

    /** The CSRF token the session's pages carry. */
    String csrf(String session) throws Exception {
        return hidden(get("/audit", session).getContent(), "csrf");
    }
}
