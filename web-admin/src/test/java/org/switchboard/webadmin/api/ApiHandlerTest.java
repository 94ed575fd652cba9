package org.switchboard.webadmin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.ApiToken;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.ApiTokens;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.ImportResult;
import org.switchboard.webadmin.directory.ServerServices;
import org.switchboard.webadmin.fakes.InMemoryBans;
import org.switchboard.webadmin.fakes.InMemoryDevices;
import org.switchboard.webadmin.fakes.InMemoryDialPlan;
import org.switchboard.webadmin.fakes.InMemoryRegistrations;
import org.switchboard.webadmin.fakes.TestSettings;
import org.switchboard.webadmin.http.InMemoryAuditStore;

/** The JSON API on an in-memory Jetty: bearer tokens, the calls, JSON errors, the audit log. */
class ApiHandlerTest {
    private static final String TOKEN = ApiTokens.create();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    private final List<User> users = new CopyOnWriteArrayList<>();
    private final InMemoryRegistrations registrations = new InMemoryRegistrations();
    private final List<Binding> bindings = registrations.bindings;
    private final InMemoryBans bans = new InMemoryBans(clock, List.of("192.0.2.0/24"));
    private final InMemoryDialPlan dialPlan = new InMemoryDialPlan();
    private final Settings settings = TestSettings.create();
    private final InMemoryDevices devices = new InMemoryDevices((domain, name) -> domain.equals("example.com")
            && users.stream().anyMatch(u -> u.name().equals(name)));
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    /** A directory of one domain, example.com, in a list. */
    private final AdminDirectory directory = new AdminDirectory() {
        @Override
        public List<Domain> domains() {
            return List.of(new Domain("example.com"));
        }

        @Override
        public Domain addDomain(String name) {
            throw new DirectoryException(DirectoryException.Reason.DUPLICATE_DOMAIN, "Domain " + name + " exists");
        }

        @Override
        public List<User> users(String domain) {
            if (!domain.equals("example.com")) {
                throw new DirectoryException(DirectoryException.Reason.UNKNOWN_DOMAIN, "No domain " + domain);
            }
            return List.copyOf(users);
        }

        @Override
        public Optional<User> user(String domain, String name) {
            return users.stream().filter(u -> u.name().equals(name)).findFirst();
        }

        @Override
        public NewCredentials addUser(String domain, String name, String displayName) {
            User user = new User(domain, name, displayName, true);
            users.add(user);
            return new NewCredentials(user, "generated-secret");
        }

        @Override
        public void update(User user) {
            throw new UnsupportedOperationException("the API does not edit users yet");
        }

        @Override
        public void removeUser(String domain, String name) {
            throw new UnsupportedOperationException("the API does not remove users yet");
        }

        @Override
        public String password(String domain, String name) {
            return "secret-" + name;
        }

        @Override
        public ImportResult importUsers(String domain, byte[] csv, boolean dryRun) {
            // every line user,password; one without a password is invalid (the real rules are the accounts')
            List<User> valid = new java.util.ArrayList<>();
            List<String> problems = new java.util.ArrayList<>();
            String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                if (f.length < 2 || f[1].isEmpty()) {
                    problems.add("line " + (i + 1) + ": missing password");
                } else {
                    valid.add(new User(domain, f[0], null, true));
                }
            }
            if (!dryRun && problems.isEmpty()) {
                users.addAll(valid);
            }
            return new ImportResult(domain, dryRun, !dryRun && problems.isEmpty() ? valid.size() : 0, valid, problems);
        }
    };

    private final ApiTokenStore tokens = new ApiTokenStore() {
        private final ApiToken only = new ApiToken("script", ApiTokens.hash(TOKEN), Instant.EPOCH);

        @Override
        public boolean add(ApiToken token) {
            return false;
        }

        @Override
        public Optional<ApiToken> findByHash(String tokenHash) {
            return only.tokenHash().equals(tokenHash) ? Optional.of(only) : Optional.empty();
        }

        @Override
        public List<ApiToken> list() {
            return List.of(only);
        }

        @Override
        public boolean remove(String name) {
            return false;
        }
    };

    @BeforeEach
    void start() throws Exception {
        users.add(new User("example.com", "201", "Alice", true));
        users.add(new User("example.com", "202", "Bob", true));
        List<CallRecord> calls = List.of(new CallRecord("call-1", "sip:201@example.com", "sip:202@example.com",
                clock.instant().minusSeconds(60), clock.instant().minusSeconds(50), clock.instant(), 200,
                CallRecord.Hangup.CALLEE));
        server.addConnector(connector);
        server.setHandler(new ContextHandler(new ApiHandler(tokens, directory, registrations,
                (from, to, offset, limit) -> calls.stream().filter(c -> !c.start().isBefore(from)
                        && c.start().isBefore(to)).skip(offset).limit(limit).toList(),
                new ServerServices(bans, devices, Optional.of(dialPlan), Optional.of(dialPlan),
                Optional.of(settings)), new AuditLog(auditStore, clock),
                clock), ApiHandler.MOUNT));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpTester.Response send(String method, String path, String token, String json) throws Exception {
        String body = json == null ? "" : json;
        return HttpTester.parseResponse(connector.getResponse(method + " /api" + path + " HTTP/1.1\r\n"
                + "Host: pbx.example.com\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (json == null ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body, Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS));
    }

    private static Map<String, Object> json(HttpTester.Response response) throws Exception {
        assertThat(response.get("Content-Type")).isEqualTo("application/json");
        return JSON.std.mapFrom(response.getContent());
    }

    @Test
    void everyCallWithoutAValidBearerTokenIsRefusedWith401AndAJsonReason() throws Exception {
        for (String path : new String[] {"/v1/users?domain=example.com", "/v1/registrations?domain=example.com",
            "/v1/calls?from=2026-12-07", "/v1/domains", "/v1/nothing"}) {
            HttpTester.Response none = send("GET", path, null, null);
            HttpTester.Response wrong = send("GET", path, "sbt_guessed", null);

            assertThat(none.getStatus()).as(path).isEqualTo(401);
            assertThat(none.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"switchboard\"");
            assertThat(json(none).get("error").toString()).contains("switchboard admin token create");
            assertThat(wrong.getStatus()).isEqualTo(401);
            assertThat(json(wrong).get("error")).isEqualTo("This bearer token is unknown or was revoked.");
        }
        assertThat(send("POST", "/v1/users", null, "{\"domain\":\"example.com\",\"name\":\"666\"}").getStatus())
                .isEqualTo(401);
        assertThat(users).hasSize(2);
    }

    @Test
    void usersAreListedSearchedAndPagedLikeThePage() throws Exception {
        Map<String, Object> body = json(send("GET", "/v1/users?domain=example.com&q=bob", TOKEN, null));

        assertThat(body.get("total")).isEqualTo(1);
        assertThat(body.get("users")).isEqualTo(List.of(Map.of("domain", "example.com", "name", "202",
                "displayName", "Bob", "enabled", true)));
    }

    @Test
    void addingAUserAnswers201WithThePasswordOnceAndIsAuditedAsTheToken() throws Exception {
        HttpTester.Response created = send("POST", "/v1/users", TOKEN,
                "{\"domain\":\"example.com\",\"name\":\"203\",\"displayName\":\"Carol\"}");

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(json(created).get("password")).isEqualTo("generated-secret");
        AuditEntry entry = auditStore.page(null, 0, 1).get(0);
        assertThat(entry.actor()).isEqualTo("token:script");
        assertThat(entry.action()).isEqualTo("user.add");
        assertThat(entry.after()).contains("sipPassword=***").doesNotContain("generated-secret");
    }

    @Test
    void badRequestsGetAJsonErrorAPersonCanActOn() throws Exception {
        HttpTester.Response notJson = send("POST", "/v1/users", TOKEN, "name=203");
        HttpTester.Response missing = send("POST", "/v1/users", TOKEN, "{\"domain\":\"example.com\"}");
        HttpTester.Response unknownDomain = send("GET", "/v1/users?domain=nowhere.net", TOKEN, null);
        HttpTester.Response noDomain = send("GET", "/v1/users", TOKEN, null);
        HttpTester.Response badDates = send("GET", "/v1/calls?from=today", TOKEN, null);
        HttpTester.Response unknown = send("DELETE", "/v1/users", TOKEN, null);

        assertThat(notJson.getStatus()).isEqualTo(400);
        assertThat(json(notJson).get("error")).isEqualTo("The body is not a JSON object.");
        assertThat(json(missing).get("error")).isEqualTo("The field \"name\" is missing.");
        assertThat(unknownDomain.getStatus()).isEqualTo(400);
        assertThat(json(unknownDomain).get("error")).isEqualTo("No domain nowhere.net");
        assertThat(json(noDomain).get("error").toString()).contains("?domain=");
        assertThat(json(badDates).get("error").toString()).contains("YYYY-MM-DD");
        assertThat(unknown.getStatus()).isEqualTo(405);
        assertThat(json(unknown).get("error").toString()).startsWith("No such API call: DELETE /api/v1/users");
        assertThat(send("GET", "/v1/nothing", TOKEN, null).getStatus()).isEqualTo(404);
    }

    @Test
    void registrationsAndCallsComeAsJson() throws Exception {
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("192.0.2.44", 40123), 0);
        bindings.add(new Binding(new AddressOfRecord("201", "example.com"), "sip:201@192.0.2.44:40123", 1.0,
                clock.instant().plusSeconds(300), "c", 1, List.of(), null, 0, flow, "snom D785"));

        Map<String, Object> registrations = json(send("GET", "/v1/registrations?domain=example.com", TOKEN, null));
        Map<String, Object> calls = json(send("GET", "/v1/calls?from=2026-12-07&to=2026-12-07", TOKEN, null));

        assertThat(registrations.get("registrations")).asList().singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("user", "201")
                .containsEntry("source", "192.0.2.44:40123").containsEntry("userAgent", "snom D785");
        assertThat(calls.get("calls")).asList().singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("callId", "call-1")
                .containsEntry("status", 200).containsEntry("hangup", "CALLEE");
        assertThat(calls.get("more")).isEqualTo(false);
    }

    private Binding binding(String user, String contact) {
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("192.0.2.44", 40123), 0);
        return new Binding(new AddressOfRecord(user, "example.com"), contact, 1.0, clock.instant().plusSeconds(300),
                "c", 1, List.of(), null, 0, flow, "snom D785");
    }

    @Test
    void theNewCallsWithoutAValidBearerTokenAreRefusedWith401() throws Exception {
        bindings.add(binding("201", "sip:201@192.0.2.44"));
        bans.add(java.net.InetAddress.getByName("192.0.2.66"), Duration.ofMinutes(5), "guessing");
        for (String[] call : new String[][] {{"DELETE", "/v1/registrations/example.com/201"}, {"GET", "/v1/bans"},
            {"DELETE", "/v1/bans/192.0.2.66"}, {"GET", "/v1/dialplan/rules?domain=example.com"},
            {"GET", "/v1/dialplan/test?from=201@example.com&to=0"}, {"GET", "/v1/openapi.json"},
            {"GET", "/v1/devices"}, {"POST", "/v1/devices/000413aabbcc/release"}, {"GET", "/v1/settings"}}) {
            assertThat(send(call[0], call[1], null, null).getStatus()).as(call[1]).isEqualTo(401);
            assertThat(send(call[0], call[1], "sbt_guessed", null).getStatus()).as(call[1]).isEqualTo(401);
        }
        assertThat(bindings).hasSize(1);
        assertThat(bans.list()).hasSize(1);
    }

    @Test
    void deletingARegistrationByItsKeyRemovesOnlyThatOneAndIsAudited() throws Exception {
        Binding desk = binding("201", "sip:201@192.0.2.44");
        Binding mobile = binding("201", "sip:201@192.0.2.45");
        bindings.add(desk);
        bindings.add(mobile);
        Object listedKey = ((Map<?, ?>) ((List<?>) json(send("GET", "/v1/registrations?domain=example.com", TOKEN,
                null)).get("registrations")).get(0)).get("key");

        HttpTester.Response removed = send("DELETE", "/v1/registrations/example.com/201?key="
                + java.net.URLEncoder.encode(desk.key(), StandardCharsets.UTF_8), TOKEN, null);
        HttpTester.Response again = send("DELETE", "/v1/registrations/example.com/201?key="
                + java.net.URLEncoder.encode(desk.key(), StandardCharsets.UTF_8), TOKEN, null);

        assertThat(listedKey).isEqualTo(desk.key());
        assertThat(removed.getStatus()).isEqualTo(200);
        assertThat(json(removed).get("removed")).isEqualTo(List.of("sip:201@192.0.2.44"));
        assertThat(bindings).containsExactly(mobile);
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(json(again).get("error").toString()).contains("no live registration");
        AuditEntry entry = auditStore.page(null, 0, 1).get(0);
        assertThat(entry.actor()).isEqualTo("token:script");
        assertThat(entry.action()).isEqualTo("registration.remove");
        assertThat(entry.object()).isEqualTo("201@example.com");
    }

    @Test
    void deletingAUsersRegistrationsWithoutAKeyRemovesThemAll() throws Exception {
        bindings.add(binding("201", "sip:201@192.0.2.44"));
        bindings.add(binding("201", "sip:201@192.0.2.45"));
        bindings.add(binding("202", "sip:202@192.0.2.46"));

        HttpTester.Response removed = send("DELETE", "/v1/registrations/example.com/201", TOKEN, null);

        assertThat(json(removed).get("removed")).asList().hasSize(2);
        assertThat(bindings).extracting(b -> b.aor().user()).containsExactly("202");
    }

    @Test
    void bansAreListedAndLiftedByAddressWithAJsonErrorForTheRest() throws Exception {
        bans.add(java.net.InetAddress.getByName("192.0.2.66"), Duration.ofMinutes(5), "guessing");

        Map<String, Object> listed = json(send("GET", "/v1/bans", TOKEN, null));
        HttpTester.Response lifted = send("DELETE", "/v1/bans/192.0.2.66", TOKEN, null);
        HttpTester.Response notBanned = send("DELETE", "/v1/bans/192.0.2.66", TOKEN, null);
        HttpTester.Response notAnAddress = send("DELETE", "/v1/bans/evil.example.net", TOKEN, null);

        assertThat(listed.get("trustedNetworks")).isEqualTo(List.of("192.0.2.0/24"));
        assertThat(listed.get("bans")).isEqualTo(List.of(Map.of("address", "192.0.2.66", "since",
                "2026-12-07T10:00:00Z", "until", "2026-12-07T10:05:00Z", "reason", "guessing")));
        assertThat(lifted.getStatus()).isEqualTo(200);
        assertThat(bans.list()).isEmpty();
        assertThat(notBanned.getStatus()).isEqualTo(404);
        assertThat(notAnAddress.getStatus()).isEqualTo(400);
        assertThat(json(notAnAddress).get("error").toString()).contains("is not an IP address");
        assertThat(auditStore.page(null, 0, 1).get(0).action()).isEqualTo("ban.lift");
    }

    @Test
    void theDialPlansRulesAndTesterAnswerAsJson() throws Exception {
        dialPlan.saveRule(new org.switchboard.core.spi.store.DialRule("example.com", 10, "operator", "*", "0", null,
                "forward 200", null));

        Map<String, Object> rules = json(send("GET", "/v1/dialplan/rules?domain=example.com", TOKEN, null));
        Map<String, Object> test = json(send("GET", "/v1/dialplan/test?from=201@example.com&to=0", TOKEN, null));
        HttpTester.Response incomplete = send("GET", "/v1/dialplan/test?from=201@example.com", TOKEN, null);
        HttpTester.Response badTime = send("GET", "/v1/dialplan/test?from=201@example.com&to=0&at=soon", TOKEN, null);

        assertThat(rules.get("rules")).asList().singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("name", "operator")
                .containsEntry("action", "forward 200");
        assertThat(test.get("decision")).isEqualTo("forward 200 (rule 10 operator)");
        assertThat(test.get("rule")).isEqualTo("operator");
        assertThat(incomplete.getStatus()).isEqualTo(400);
        assertThat(badTime.getStatus()).isEqualTo(400);
        assertThat(json(badTime).get("error").toString()).contains("'soon' is not a time");
    }

    @Test
    void theOpenApiDocumentListsEveryRouteOfTheHandlerAndNothingElse() throws Exception {
        Map<String, Object> doc = json(send("GET", "/v1/openapi.json", TOKEN, null));
        List<ApiRoute> routes = new ApiHandler(tokens, directory, registrations, (f, t, o, l) -> List.of(),
                new ServerServices(bans, devices, Optional.of(dialPlan), Optional.of(dialPlan),
                Optional.of(settings)), new AuditLog(auditStore, clock),
                clock).routes();

        Map<?, ?> paths = (Map<?, ?>) doc.get("paths");
        int operations = 0;
        for (Object methods : paths.values()) {
            operations += ((Map<?, ?>) methods).size();
        }
        assertThat(doc.get("openapi")).isEqualTo("3.0.3");
        assertThat(operations).isEqualTo(routes.size());
        for (ApiRoute route : routes) {
            Map<?, ?> operation = (Map<?, ?>) ((Map<?, ?>) paths.get(route.path()))
                    .get(route.method().toLowerCase(java.util.Locale.ROOT));
            assertThat(operation).as(route.method() + " " + route.path()).isNotNull();
            assertThat(operation.get("summary")).isEqualTo(route.summary());
        }
        assertThat(paths.keySet().stream().map(Object::toString)).contains("/v1/registrations/{domain}/{user}",
                "/v1/bans/{address}", "/v1/dialplan/test");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        String announced = "POST /api/v1/users HTTP/1.1\r\nHost: pbx.example.com\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (ApiHandler.MAX_BODY + 1)
                + "\r\nConnection: close\r\n\r\n{";
        String chunk = "{\"domain\":\"example.com\",\"name\":\"" + "9".repeat(ApiHandler.MAX_BODY) + "\"}";
        String chunked = "POST /api/v1/users HTTP/1.1\r\nHost: pbx.example.com\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";

        HttpTester.Response early = HttpTester.parseResponse(connector.getResponse(announced,
                Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS));
        HttpTester.Response late = HttpTester.parseResponse(connector.getResponse(chunked,
                Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS));

        assertThat(early.getStatus()).isEqualTo(413);
        assertThat(json(early).get("error").toString()).contains("larger than 65536 bytes");
        assertThat(late.getStatus()).isEqualTo(413);
        assertThat(users).hasSize(2);
    }

    @Test
    void settingsAreListedAndALiveOneIsChangedAndAudited() throws Exception {
        Map<String, Object> listed = json(send("GET", "/v1/settings", TOKEN, null));
        HttpTester.Response changed = send("POST", "/v1/settings", TOKEN,
                "{\"key\":\"proxy.ringTimeout\",\"value\":\"90s\"}");
        HttpTester.Response restart = send("POST", "/v1/settings", TOKEN, "{\"key\":\"proxy.workers\",\"value\":\"8\"}");
        HttpTester.Response unknown = send("POST", "/v1/settings", TOKEN, "{\"key\":\"proxy.nothing\",\"value\":\"8\"}");
        HttpTester.Response noToken = send("POST", "/v1/settings", null, "{\"key\":\"proxy.greeting\",\"value\":\"x\"}");

        assertThat(listed.get("settings")).asList().hasSize(4).first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("key", "proxy.ringTimeout")
                .containsEntry("applies", "live").containsEntry("source", "default").containsEntry("default", "3m");
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(settings.current(TestSettings.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(restart.getStatus()).isEqualTo(400);
        assertThat(json(restart).get("error").toString()).contains("applies at a restart");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(noToken.getStatus()).isEqualTo(401);
        assertThat(settings.current(TestSettings.SECTION).greeting()).isEqualTo("hello");
        assertThat(auditStore.page(null, 0, 1).get(0).action()).isEqualTo("setting.change");
    }

    @Test
    void phonesAreListedAssignedAndReleasedAndAudited() throws Exception {
        devices.put(new org.switchboard.core.spi.store.Device("000413aabbcc", "snom", "snomD785", "10.1", "192.0.2.50",
                clock.instant(), clock.instant(), null, List.of()));

        Map<String, Object> listed = json(send("GET", "/v1/devices", TOKEN, null));
        HttpTester.Response assigned = send("POST", "/v1/devices/00:04:13:AA:BB:CC/assign", TOKEN,
                "{\"domain\":\"example.com\",\"user\":\"201\"}");
        HttpTester.Response unknownUser = send("POST", "/v1/devices/000413aabbcc/assign", TOKEN,
                "{\"domain\":\"example.com\",\"user\":\"999\"}");
        HttpTester.Response released = send("POST", "/v1/devices/000413aabbcc/release", TOKEN, null);
        HttpTester.Response again = send("POST", "/v1/devices/000413aabbcc/release", TOKEN, null);
        HttpTester.Response noToken = send("POST", "/v1/devices/000413aabbcc/assign", null,
                "{\"domain\":\"example.com\",\"user\":\"201\"}");

        assertThat(listed.get("devices")).asList().singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("mac", "000413aabbcc")
                .containsEntry("model", "snomD785").containsEntry("users", "");
        assertThat(assigned.getStatus()).isEqualTo(200);
        assertThat(json(assigned).get("device").toString()).contains("1: 201@example.com");
        assertThat(unknownUser.getStatus()).isEqualTo(400);
        assertThat(released.getStatus()).isEqualTo(200);
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(noToken.getStatus()).isEqualTo(401);
        assertThat(auditStore.page(null, 0, 2)).extracting(AuditEntry::action)
                .containsExactly("device.release", "device.assign");
    }

    private HttpTester.Response sendCsv(String path, String csv) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("POST /api" + path + " HTTP/1.1\r\n"
                + "Host: pbx.example.com\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: text/csv\r\n"
                + "Content-Length: " + csv.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + csv, Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void usersAreExportedAsCsvAndImportedWithADryRunFirst() throws Exception {
        HttpTester.Response export = send("GET", "/v1/users/export?domain=example.com", TOKEN, null);
        HttpTester.Response dryRun = sendCsv("/v1/users/import?domain=example.com&dryRun=true",
                "203,pw-203-long\n204,\n");
        HttpTester.Response refused = sendCsv("/v1/users/import?domain=example.com", "203,pw-203-long\n204,\n");
        HttpTester.Response imported = sendCsv("/v1/users/import?domain=example.com", "203,pw-203-long\n");

        assertThat(export.get("Content-Type")).startsWith("text/csv");
        assertThat(export.getContent()).isEqualTo("user,password,display name\r\n201,secret-201,Alice\r\n"
                + "202,secret-202,Bob\r\n");
        assertThat(json(dryRun).get("problems")).isEqualTo(List.of("line 2: missing password"));
        assertThat(json(dryRun).get("valid")).asList().hasSize(1);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(json(refused).get("error").toString()).contains("line 2: missing password");
        assertThat(json(imported).get("imported")).isEqualTo(1);
        assertThat(users).extracting(User::name).containsExactly("201", "202", "203");
        assertThat(auditStore.page(null, 0, 1).get(0).action()).isEqualTo("users.import");
    }
}
