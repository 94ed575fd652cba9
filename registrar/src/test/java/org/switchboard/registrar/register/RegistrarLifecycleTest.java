package org.switchboard.registrar.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.registrar.register.RunningRegistrar.DOMAIN;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.registrar.TestClock;
import org.switchboard.registrar.bruteforce.BruteForcePolicy;
import org.switchboard.registrar.bruteforce.Cidr;

/** Commit grouping, restart durability and brute-force bans, end to end over UDP. */
class RegistrarLifecycleTest {
    private static final BruteForcePolicy THREE_STRIKES =
            new BruteForcePolicy(3, 100, Duration.ofMinutes(10), Duration.ofHours(1), List.of(), 1000);

    @TempDir
    Path dir;

    @Test
    void concurrentRegistersShareCommits() throws Exception {
        int phones = 16;
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, RegistrarConfig.defaults())) {
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
        TestClock clock = new TestClock();
        AddressOfRecord alice = new AddressOfRecord("201", DOMAIN);
        try (RunningRegistrar server = RunningRegistrar.inDataDir(dir, RegistrarConfig.defaults(), clock);
                TestPhone phone = server.phone("201", "alice-secret-1")) {
            assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(600));

        try (RunningRegistrar restarted = RunningRegistrar.inDataDir(dir, RegistrarConfig.defaults(), clock);
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
    void aWrongPasswordLoopIsBannedAndTheBanLiftsAfterItsTime() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, RegistrarConfig.defaults()
                        .withBruteForce(THREE_STRIKES));
                TestPhone attacker = server.phone("201", "alice-secret-1")) {
            attacker.password = "guess-guess";
            attacker.learn(attacker.register().send());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(attacker.register().contact("<" + attacker.contact() + ">").send().statusCode());
            }

            assertThat(statuses).containsExactly(401, 401, 403, 403);
            assertThat(server.registrar.bruteForceGuard().bans()).extracting(b -> b.source())
                    .containsExactly(InetAddress.getLoopbackAddress());

            server.clock.advance(Duration.ofHours(1));
            attacker.password = "alice-secret-1";

            assertThat(attacker.register().contact("<" + attacker.contact() + ">").sendAuthenticated().statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aTrustedNetworkIsNeverBanned() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, RegistrarConfig.defaults()
                        .withBruteForce(THREE_STRIKES).withTrustedNetworks(List.of(Cidr.parse("127.0.0.0/8"))));
                TestPhone phone = server.phone("201", "alice-secret-1")) {
            phone.password = "typo-typo";
            for (int i = 0; i < 5; i++) {
                assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                        .isEqualTo(401);
            }
            assertThat(server.registrar.bruteForceGuard().bans()).isEmpty();
        }
    }

    @Test
    void bansAreSavedAtStopAndRestoredAtStart() throws IOException {
        TestClock clock = new TestClock();
        RegistrarConfig config = RegistrarConfig.defaults().withBruteForce(THREE_STRIKES);
        try (RunningRegistrar server = RunningRegistrar.inDataDir(dir, config, clock);
                TestPhone attacker = server.phone("201", "alice-secret-1")) {
            attacker.password = "guess-guess";
            for (int i = 0; i < 3; i++) {
                attacker.register().contact("<" + attacker.contact() + ">").sendAuthenticated();
            }
        }
        try (RunningRegistrar restarted = RunningRegistrar.inDataDir(dir, config, clock)) {
            assertThat(restarted.registrar.bruteForceGuard().bans()).hasSize(1);
        }
    }
}
