package org.switchboard.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.server.TestServerLauncher;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code /metrics} and {@code /health} of a running server: the metrics move with real registrations,
 * a failed login and calls made by test-kit phones, the server reports itself live and ready, and the
 * metric names in docs/monitoring.md are exactly those the server exposes.
 */
class MetricsEndToEndTest {
    private static final String DOMAIN = "metrics.example.com";
    /** Event metrics are counted off the SIP threads; they catch up within this. */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create()
            .option(TestServerLauncher.DIGEST_ALGORITHMS, "MD5")
            .user(DOMAIN, "201", "metrics-secret-201").user(DOMAIN, "202", "metrics-secret-202")
            .user(DOMAIN, "203", "metrics-secret-203");

    @Test
    void metricsMoveWithRegistrationsAFailedLoginAndCalls() throws Exception {
        Scrape before = Scrape.of(SERVER.httpUri());
        try (Phone alice = SERVER.phone("201").open(); Phone bob = SERVER.phone("202").open();
                Phone mallory = SERVER.phone("203").open()) {
            alice.register().expectChallenge().answer().expect(200);
            bob.register().expectChallenge().answer().expect(200);
            mallory.register().expectChallenge().answer("not-the-password").expect(401);

            Call answered = alice.call(bob).expect(407).answer();
            Incoming invite = bob.expect("INVITE").ring();
            answered.expect(180);
            invite.answer();
            answered.expect(200).ack();
            invite.expectAck();
            Scrape during = awaitScrape(s -> s.value("switchboard_calls_active") >= 1);
            assertThat(during.value("switchboard_calls_active")).isEqualTo(1);
            ClientTransaction bye = answered.bye();
            bob.expect("BYE").respond(200);
            bye.expect(200);

            Call busy = alice.call(bob).expect(407).answer();
            bob.expect("INVITE").respond(486);
            busy.expect(486);
        }

        Scrape after = awaitScrape(s -> s.value("switchboard_calls_ended_total") >= 1
                && s.valueOrZero("switchboard_calls_failed_total{code=\"486\"}") >= 1);
        assertThat(after.value("switchboard_registrar_bindings")).isEqualTo(2);
        assertThat(delta(before, after, "switchboard_registrar_registrations_total")).isEqualTo(2);
        assertThat(delta(before, after, "switchboard_registrar_commits_total")).isPositive();
        assertThat(delta(before, after, "switchboard_auth_failures_total")).isEqualTo(1);
        assertThat(delta(before, after, "switchboard_calls_attempts_total")).isEqualTo(2);
        assertThat(delta(before, after, "switchboard_calls_answered_total")).isEqualTo(1);
        assertThat(delta(before, after, "switchboard_calls_ended_total")).isEqualTo(1);
        assertThat(after.value("switchboard_calls_failed_total{code=\"486\"}")).isEqualTo(1);
        assertThat(after.value("switchboard_calls_active")).isZero();

        // on the wire: counted as they pass, so a retransmission on a slow machine counts too
        assertThat(delta(before, after, "switchboard_sip_requests_received_total{method=\"REGISTER\"}"))
                .isGreaterThanOrEqualTo(6);
        assertThat(delta(before, after, "switchboard_sip_requests_received_total{method=\"INVITE\"}"))
                .isGreaterThanOrEqualTo(4);
        assertThat(delta(before, after, "switchboard_sip_requests_sent_total{method=\"INVITE\"}")).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "switchboard_sip_requests_received_total{method=\"BYE\"}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "switchboard_sip_responses_received_total{class=\"4xx\"}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "switchboard_sip_responses_sent_total{class=\"2xx\"}")).isGreaterThanOrEqualTo(4);
        assertThat(delta(before, after, "switchboard_sip_responses_sent_total{class=\"4xx\"}")).isGreaterThanOrEqualTo(7);
        assertThat(delta(before, after, "switchboard_sip_messages_received_total{transport=\"udp\"}")).isPositive();
        // one transaction per INVITE, however often it was retransmitted (RFC 3261 §17.2.3)
        assertThat(delta(before, after, "switchboard_sip_transactions_total{kind=\"invite-server\"}"))
                .isEqualTo(4);
        assertThat(after.names("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(after.value("jvm_threads_live_threads")).isPositive();
        assertThat(after.value("process_uptime_seconds")).isPositive();
    }

    /** Scrapes until {@code ready} holds, for metrics counted off the SIP threads; fails after {@link #CATCH_UP}. */
    private static Scrape awaitScrape(Predicate<Scrape> ready) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        Scrape scrape = Scrape.of(SERVER.httpUri());
        while (!ready.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = Scrape.of(SERVER.httpUri());
        }
        return scrape;
    }

    private static double delta(Scrape before, Scrape after, String series) {
        return after.value(series) - before.valueOrZero(series);
    }

    @Test
    void reportsItselfLiveAndReady() throws Exception {
        for (String path : new String[] {"/health", "/health/ready", "/health/live"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"READY\"}\n");
        assertThat(get("/health/live").body()).isEqualTo("{\"status\":\"LIVE\"}\n");
        assertThat(get("/health/elsewhere").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(SERVER.httpUri().resolve("/metrics")).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(SERVER.httpUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The table in docs/monitoring.md names every {@code switchboard_} metric the server exposes, and no other. */
    @Test
    void theDocumentedMetricNamesAreExactlyTheExposedOnes() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (String name : Scrape.of(SERVER.httpUri()).names("switchboard_")) {
            exposed.add(name);
        }
        // a labelled counter appears on its first count; the calls failed by code has none yet on a fresh server
        exposed.add("switchboard_calls_failed_total");
        assertThat(documented()).isEqualTo(exposed);
    }

    /**
     * Every metric the example Grafana dashboard and Prometheus alert rules in docs/monitoring query is
     * one a running server exposes ({@code up} is the one Prometheus makes itself, per scrape target).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDashboardAndTheAlertRulesQueryOnlyMetricsTheServerExposes() throws Exception {
        Set<String> exposed = new TreeSet<>(Scrape.of(SERVER.httpUri()).names(""));
        exposed.add("switchboard_calls_failed_total");
        // the GC pause timer appears with the first collection, which a short test may not have seen yet
        exposed.addAll(List.of("jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max"));
        exposed.add("up");
        Path dir = Path.of("..", "docs", "monitoring");
        Map<String, Object> dashboard = new Yaml().load(Files.readString(dir.resolve("grafana-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.getOrDefault("targets", List.of())) {
                expressions.add((String) target.get("expr"));
            }
        }
        Map<String, Object> templating = (Map<String, Object>) dashboard.get("templating");
        for (Map<String, Object> variable : (List<Map<String, Object>>) templating.get("list")) {
            if (variable.get("query") instanceof Map<?, ?> query) {
                Matcher labelValues = Pattern.compile("label_values\\((.*), *[a-z_]+\\)").matcher((String) query.get("query"));
                assertThat(labelValues.matches()).as("variable %s", variable.get("name")).isTrue();
                expressions.add(labelValues.group(1));
            }
        }
        assertThat(dashboard.get("templating").toString()).as("the data source is a variable")
                .contains("type=datasource, query=prometheus");
        Map<String, Object> rules = new Yaml().load(Files.readString(dir.resolve("prometheus-alerts.yaml")));
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) rule.get("alert"));
                expressions.add((String) rule.get("expr"));
            }
        }
        assertThat(alerts).contains("SwitchboardDown", "SwitchboardBackupTooOld", "SwitchboardRegistrationsDropping",
                "SwitchboardTransportDrops", "SwitchboardBansSpiking");

        Set<String> queried = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> names = PromQlNames.in(expression);
            assertThat(names).as("metrics in %s", expression).isNotEmpty();
            queried.addAll(names);
        }
        assertThat(exposed).as("metrics the server exposes").containsAll(queried);
        assertThat(queried).contains("switchboard_backup_last_success_timestamp_seconds", "switchboard_registrar_bindings",
                "switchboard_bans_added_total", "switchboard_sip_messages_dropped_total", "up");
    }

    private static Set<String> documented() throws IOException {
        Path doc = Path.of("..", "docs", "monitoring.md");
        Matcher names = Pattern.compile("^\\| `(switchboard_[a-z_]+)`", Pattern.MULTILINE).matcher(Files.readString(doc));
        Set<String> documented = new TreeSet<>();
        while (names.find()) {
            documented.add(names.group(1));
        }
        return documented;
    }
}
