package org.switchboard.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.server.registrar.RunningRegistrar.DOMAIN;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.accounts.bruteforce.BanLiftRequests;
import org.switchboard.accounts.bruteforce.BruteForcePolicy;
import org.switchboard.accounts.bruteforce.Cidr;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.bans.JdbcBanStore;
import org.switchboard.testkit.time.ManualClock;

/** Commit grouping, restart durability and brute-force bans, end to end over UDP. */
class RegistrarLifecycleTest {
    /** 3 failures block a user from an address for 5 minutes; 3 failing users ban it. */
    private static final BruteForcePolicy THREE_STRIKES = new BruteForcePolicy(3, Duration.ofMinutes(5), 3, 100,
            Duration.ofMinutes(10), Duration.ofHours(1), List.of(), 1000);

    @TempDir
    Path dir;

    @Test
    void concurrentRegistersShareCommits() throws Exception {
        int phones = 16;
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults())) {
            List<TestPhone> all = new ArrayList<>();
            for (int i = 0; i < phones; i++) {
                all.add(server.phone("30" + i, "password-30" + i));
            }
            for (TestPhone p : all) {
                p.learn(p.register().contact("<" + p.contact() + ">").send());
            }
            server.store.slowCommits(100);
            int before = server.store.commits();
            ExecutorService threads = Executors.newFixedThreadPool(phones);
            List<Future<SipResponse>> answers = new ArrayList<>();
            for (TestPhone p : all) {
                answers.add(threads.submit(() -> p.register().contact("<" + p.contact() + ">").send()));
            }
            for (Future<SipResponse> a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(200);
            }
            threads.shutdown();
            all.forEach(TestPhone::close);

            assertThat(server.registrar.registrations().all()).hasSize(phones);
            assertThat(server.store.commits() - before).isBetween(1, phones - 1);
        }
    }

    @Test
    void bindingsSurviveARestartWithTheirRemainingTime() throws IOException {
        ManualClock clock = new ManualClock();
        AddressOfRecord alice = new AddressOfRecord("201", DOMAIN);
        try (RunningRegistrar server = RunningRegistrar.inDataDir(dir, AccountsConfig.defaults(), clock);
                TestPhone phone = server.phone("201", "alice-secret-1")) {
            assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(600));

        try (RunningRegistrar restarted = RunningRegistrar.inDataDir(dir, AccountsConfig.defaults(), clock);
                TestPhone phone = new TestPhone(restarted.address(), "201", DOMAIN, "alice-secret-1")) {
            List<RegisteredContact> contacts = restarted.registrar.locationService().lookup(alice);
            assertThat(contacts).hasSize(1);
            assertThat(contacts.get(0).expiresAt()).isEqualTo(clock.instant().plusSeconds(3000));

            SipResponse fetch = phone.register().sendAuthenticated();
            assertThat(fetch.headers().values(HeaderName.CONTACT))
                    .containsExactly("<sip:201@127.0.0.1:" + contacts.get(0).flow().remote().getPort()
                            + ">;expires=3000");
        }
    }

    @Test
    void aWrongPasswordLoopBlocksOnlyThatUserFromTheOfficeAddressAndOnlyForAWhile() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults()
                        .withBruteForce(THREE_STRIKES));
                TestPhone misconfigured = server.phone("201", "alice-secret-1");
                TestPhone neighbour = server.phone("202", "bob-secret-22")) {
            misconfigured.password = "guess-guess";
            misconfigured.learn(misconfigured.register().send());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(misconfigured.register().contact("<" + misconfigured.contact() + ">").send().statusCode());
            }

            assertThat(statuses).containsExactly(401, 401, 403, 403);
            assertThat(server.accounts.bruteForceGuard().bans()).isEmpty();
            assertThat(neighbour.register().contact("<" + neighbour.contact() + ">").sendAuthenticated().statusCode())
                    .as("another phone behind the same address").isEqualTo(200);

            misconfigured.password = "alice-secret-1";
            assertThat(misconfigured.register().contact("<" + misconfigured.contact() + ">").sendAuthenticated()
                    .statusCode()).as("the right password while blocked").isEqualTo(403);
            server.clock.advance(Duration.ofMinutes(5));
            assertThat(misconfigured.register().contact("<" + misconfigured.contact() + ">").sendAuthenticated()
                    .statusCode()).as("the right password after the block").isEqualTo(200);
        }
    }

    @Test
    void guessingAcrossUsersBansTheSource() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults()
                        .withBruteForce(THREE_STRIKES));
                TestPhone p201 = server.phone("201", "alice-secret-1");
                TestPhone p202 = server.phone("202", "bob-secret-22");
                TestPhone p203 = server.phone("203", "carol-secret-3")) {
            List<Integer> statuses = new ArrayList<>();
            for (TestPhone guess : List.of(p201, p202, p203)) {
                guess.password = "guess-guess";
                statuses.add(guess.register().contact("<" + guess.contact() + ">").sendAuthenticated().statusCode());
            }

            assertThat(statuses).containsExactly(401, 401, 403);
            assertThat(server.accounts.bruteForceGuard().bans()).singleElement().satisfies(ban -> {
                assertThat(ban.source()).isEqualTo(InetAddress.getLoopbackAddress());
                assertThat(ban.reason()).startsWith("3 different users failed to authenticate from this address");
            });
        }
    }

    @Test
    void registrationsAndBansArePublishedOnTheOneBusTheFeaturesShare() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults()
                        .withBruteForce(THREE_STRIKES));
                TestPhone phone = server.phone("204", "dave-secret-44")) {
            List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
            server.events.subscribe(SwitchboardEvent.class, Runnable::run, events::add);

            assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                    .isEqualTo(200);
            guessAcrossUsers(server);
            assertThat(server.accounts.bruteForceGuard().lift(InetAddress.getLoopbackAddress())).isTrue();

            assertThat(events).hasSize(3);
            assertThat(events.get(0)).isInstanceOfSatisfying(SwitchboardEvent.Registered.class,
                    registered -> assertThat(registered.aor()).isEqualTo("sip:204@" + DOMAIN));
            assertThat(events.get(1)).isInstanceOfSatisfying(SwitchboardEvent.BanAdded.class,
                    added -> assertThat(added.address()).isEqualTo(InetAddress.getLoopbackAddress()));
            assertThat(events.get(2)).isInstanceOfSatisfying(SwitchboardEvent.BanLifted.class,
                    lifted -> assertThat(lifted.address()).isEqualTo(InetAddress.getLoopbackAddress()));
        }
    }

    @Test
    void aTrustedNetworkIsNeverBanned() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults()
                        .withBruteForce(THREE_STRIKES).withTrustedNetworks(List.of(Cidr.parse("127.0.0.0/8"))));
                TestPhone phone = server.phone("201", "alice-secret-1")) {
            phone.password = "typo-typo";
            for (int i = 0; i < 5; i++) {
                assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                        .isEqualTo(401);
            }
            assertThat(server.accounts.bruteForceGuard().bans()).isEmpty();
        }
    }

    @Test
    void aBanIsSavedWhenItIsMadeAndRestoredAtStart() throws Exception {
        ManualClock clock = new ManualClock();
        AccountsConfig config = AccountsConfig.defaults().withBruteForce(THREE_STRIKES);
        try (RunningRegistrar server = RunningRegistrar.inDataDir(dir, config, clock)) {
            guessAcrossUsers(server);

            // the same JVM may open the embedded database a second time: what a killed server leaves behind
            try (Database db = Storage.inDataDir(dir).openDatabase(2)) {
                JdbcBanStore saved = new JdbcBanStore(db);
                awaitTrue("the ban saved while the server runs", () -> saved.load().size() == 1);
            }
        }
        try (RunningRegistrar restarted = RunningRegistrar.inDataDir(dir, config, clock)) {
            assertThat(restarted.accounts.bruteForceGuard().bans()).hasSize(1);
        }
    }

    @Test
    void aBanIsLiftedInTheRunningServerThroughTheDataDirectory() throws Exception {
        ManualClock clock = new ManualClock();
        AccountsConfig config = AccountsConfig.defaults().withBruteForce(THREE_STRIKES);
        try (RunningRegistrar server = RunningRegistrar.inDataDir(dir, config, clock)) {
            guessAcrossUsers(server);
            BanLiftRequests requests = new BanLiftRequests(Storage.inDataDir(dir).banLiftDir());

            String id = requests.submit(InetAddress.getLoopbackAddress());

            assertThat(requests.awaitOutcome(id, Duration.ofSeconds(10))).contains(BanLiftRequests.LIFTED);
            assertThat(server.accounts.bruteForceGuard().bans()).isEmpty();
            try (TestPhone phone = server.phone("201", "secret-of-201")) {
                assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                        .isEqualTo(200);
            }
            String again = requests.submit(InetAddress.getLoopbackAddress());
            assertThat(requests.awaitOutcome(again, Duration.ofSeconds(10))).contains(BanLiftRequests.NO_BAN);
            try (var left = Files.list(Storage.inDataDir(dir).banLiftDir())) {
                assertThat(left).as("requests and outcomes cleaned up").isEmpty();
            }
        }
        try (RunningRegistrar restarted = RunningRegistrar.inDataDir(dir, config, clock)) {
            assertThat(restarted.accounts.bruteForceGuard().bans()).as("the lift was saved").isEmpty();
        }
    }

    /** Three phones from 127.0.0.1 with wrong passwords: the address is banned. */
    private static void guessAcrossUsers(RunningRegistrar server) throws IOException {
        for (String user : List.of("201", "202", "203")) {
            try (TestPhone guess = server.phone(user, "secret-of-" + user)) {
                guess.password = "guess-guess";
                guess.register().contact("<" + guess.contact() + ">").sendAuthenticated();
            }
        }
        assertThat(server.accounts.bruteForceGuard().bans()).hasSize(1);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waited 10 s for: %s", what).isTrue();
            Thread.sleep(20);
        }
    }
}
