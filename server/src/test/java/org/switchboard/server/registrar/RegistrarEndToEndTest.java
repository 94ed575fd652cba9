package org.switchboard.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.server.registrar.RunningRegistrar.DOMAIN;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.transport.Transport;
import org.switchboard.registrar.register.ExpiryRules;

/** REGISTER over real UDP sockets against the assembled registrar (RFC 3261 §10, RFC 3327, RFC 5626). */
class RegistrarEndToEndTest {
    private static final AddressOfRecord ALICE = new AddressOfRecord("201", DOMAIN);

    @TempDir
    Path dir;
    private RunningRegistrar server;
    private TestPhone alice;

    @BeforeEach
    void start() throws IOException {
        server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults());
        alice = server.phone("201", "alice-secret-1");
    }

    @AfterEach
    void stop() {
        alice.close();
        server.close();
    }

    private List<RegisteredContact> lookup() {
        return server.registrar.locationService().lookup(ALICE);
    }

    @Test
    void registerIsChallengedThenAcceptedAndListsTheBinding() throws IOException {
        SipResponse challenge = alice.register().contact("<" + alice.contact() + ">").send();

        assertThat(challenge.statusCode()).isEqualTo(401);
        // the default offer: MD5 alone, which every phone can answer
        assertThat(challenge.headers().values(HeaderName.WWW_AUTHENTICATE)).singleElement()
                .satisfies(v -> assertThat(v).contains("realm=\"example.com\"", "qop=\"auth\"", "algorithm=MD5"));
        assertThat(lookup()).isEmpty();

        alice.learn(challenge);
        SipResponse ok = alice.register().contact("<" + alice.contact() + ">").send();

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().values(HeaderName.CONTACT)).containsExactly("<" + alice.contact() + ">;expires=3600");
        assertThat(ok.headers().firstValue(HeaderName.DATE)).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        RegisteredContact bound = lookup().get(0);
        assertThat(bound.flow().transport()).isEqualTo(Transport.UDP);
        assertThat(bound.flow().remote().getPort()).isEqualTo(alice.port());
        assertThat(bound.expiresAt()).isEqualTo(server.clock.instant().plusSeconds(3600));
    }

    @Test
    void refreshExtendsTheBindingAndExpiresHeaderIsClampedToTheMaximum() throws IOException {
        alice.register().contact("<" + alice.contact() + ">").expires(600).sendAuthenticated();
        server.clock.advance(Duration.ofSeconds(300));

        SipResponse ok = alice.register().contact("<" + alice.contact() + ">").expires(999_999).send();

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().values(HeaderName.CONTACT)).containsExactly("<" + alice.contact() + ">;expires=86400");
        assertThat(lookup()).hasSize(1);
    }

    @Test
    void expiredBindingIsNotReturnedAndNotListed() throws IOException {
        alice.register().contact("<" + alice.contact() + ">").expires(60).sendAuthenticated();
        server.clock.advance(Duration.ofSeconds(61));

        assertThat(lookup()).isEmpty();
        SipResponse fetch = alice.register().send();
        assertThat(fetch.statusCode()).isEqualTo(200);
        assertThat(fetch.headers().values(HeaderName.CONTACT)).isEmpty();
    }

    @Test
    void severalContactsWithQValuesAreListedAndOneCanBeRemoved() throws IOException {
        SipResponse ok = alice.register()
                .contact("<sip:201@127.0.0.1:5070>;q=0.5, <sip:201@127.0.0.1:5071>;q=1.0")
                .contact("<sip:201@127.0.0.1:5072>;expires=120;q=0.1")
                .sendAuthenticated();

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().values(HeaderName.CONTACT)).containsExactly(
                "<sip:201@127.0.0.1:5071>;expires=3600",
                "<sip:201@127.0.0.1:5070>;expires=3600;q=0.5",
                "<sip:201@127.0.0.1:5072>;expires=120;q=0.1");

        SipResponse removed = alice.register().contact("<sip:201@127.0.0.1:5070>;expires=0").send();

        assertThat(removed.headers().values(HeaderName.CONTACT)).hasSize(2)
                .noneMatch(c -> c.contains(":5070"));
        assertThat(lookup()).extracting(RegisteredContact::uri)
                .containsExactly("sip:201@127.0.0.1:5071", "sip:201@127.0.0.1:5072");
    }

    @Test
    void badQValueIsRefused() throws IOException {
        assertThat(alice.register().contact("<sip:201@127.0.0.1:5070>;q=1.5").sendAuthenticated().statusCode())
                .isEqualTo(400);
        assertThat(lookup()).isEmpty();
    }

    @Test
    void registeringAndUnregisteringArePublishedOnceDurable() throws IOException {
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        server.registrar.events().subscribe(SwitchboardEvent.class, Runnable::run, events::add);

        alice.register().contact("<sip:201@127.0.0.1:5070>").expires(600).sendAuthenticated();
        assertThat(events).singleElement().isInstanceOfSatisfying(SwitchboardEvent.Registered.class, registered -> {
            assertThat(registered.aor()).isEqualTo("sip:201@" + DOMAIN);
            assertThat(registered.contact()).isEqualTo("sip:201@127.0.0.1:5070");
            assertThat(registered.expiresSeconds()).isEqualTo(600);
        });

        assertThat(alice.register().contact("*").expires(0).send().statusCode()).isEqualTo(200);
        assertThat(events).hasSize(2).last().isInstanceOfSatisfying(SwitchboardEvent.Unregistered.class, gone -> {
            assertThat(gone.contact()).isEqualTo("sip:201@127.0.0.1:5070");
            assertThat(gone.expired()).isFalse();
        });
    }

    @Test
    void starRemovesAllButOnlyAloneWithExpiresZero() throws IOException {
        alice.register().contact("<sip:201@127.0.0.1:5070>, <sip:201@127.0.0.1:5071>").sendAuthenticated();

        assertThat(alice.register().contact("*").expires(3600).send().statusCode()).isEqualTo(400);
        assertThat(alice.register().contact("*").contact("<sip:201@127.0.0.1:5070>").expires(0).send().statusCode())
                .isEqualTo(400);
        assertThat(lookup()).hasSize(2);

        SipResponse ok = alice.register().contact("*").expires(0).send();

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().values(HeaderName.CONTACT)).isEmpty();
        assertThat(lookup()).isEmpty();
    }

    @Test
    void tooBriefIntervalGets423WithMinExpires() throws IOException {
        SipResponse r = alice.register().contact("<" + alice.contact() + ">").expires(30).sendAuthenticated();

        assertThat(r.statusCode()).isEqualTo(423);
        assertThat(r.headers().firstValue(HeaderName.MIN_EXPIRES)).isEqualTo("60");
        assertThat(lookup()).isEmpty();
    }

    @Test
    void newExpiryRulesApplyToTheNextRegister() throws IOException {
        server.features.registrar().useExpiry(new ExpiryRules(20, 600, 900));

        SipResponse shortOne = alice.register().contact("<" + alice.contact() + ">").expires(30).sendAuthenticated();
        SipResponse longOne = alice.register().contact("<" + alice.contact() + ">").expires(3600).sendAuthenticated();

        assertThat(shortOne.statusCode()).as("30 s is no longer too brief").isEqualTo(200);
        assertThat(longOne.statusCode()).isEqualTo(200);
        assertThat(longOne.headers().firstValue(HeaderName.CONTACT)).contains("expires=900");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameChallenge() throws IOException {
        alice.password = "not-the-password";
        SipResponse wrong = alice.register().contact("<" + alice.contact() + ">").sendAuthenticated();
        try (TestPhone ghost = new TestPhone(server.address(), "999", DOMAIN, "whatever-pw")) {
            SipResponse unknown = ghost.register().contact("<" + ghost.contact() + ">").sendAuthenticated();

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(shape(wrong)).isEqualTo(shape(unknown));
        }
    }

    /** A challenge with its nonces blanked out. */
    private static List<String> shape(SipResponse r) {
        return r.headers().values(HeaderName.WWW_AUTHENTICATE).stream()
                .map(v -> v.replaceAll("nonce=\"[^\"]+\"", "nonce=\"\"")).toList();
    }

    @Test
    void replayedNonceCountGetsAStaleChallenge() throws IOException {
        assertThat(alice.register().contact("<" + alice.contact() + ">").sendAuthenticated().statusCode()).isEqualTo(200);

        SipResponse replay = alice.register().contact("<" + alice.contact() + ">").nonceCount(1).send();

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().firstValue(HeaderName.WWW_AUTHENTICATE)).contains("stale=true");
    }

    @Test
    void registeringSomeoneElsesAddressIsForbidden() throws IOException {
        server.phone("202", "bob-secret-22").close();

        SipResponse r = alice.register().to("202").contact("<" + alice.contact() + ">").sendAuthenticated();

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.registrar.locationService().lookup(new AddressOfRecord("202", DOMAIN))).isEmpty();
    }

    @Test
    void aDomainNotServedGets404() throws IOException {
        try (TestPhone stranger = new TestPhone(server.address(), "201", "elsewhere.org", "whatever-pw")) {
            assertThat(stranger.register().contact("<" + stranger.contact() + ">").send().statusCode()).isEqualTo(404);
        }
    }

    @Test
    void registerAddressedToAnAddressNotOursGets404() throws IOException {
        for (String uri : List.of("sip:[2001:db8::10]:5070", "sip:192.0.2.77", "sip:elsewhere.org")) {
            SipResponse r = alice.register().requestUri(uri).contact("<" + alice.contact() + ">").sendAuthenticated();

            assertThat(r.statusCode()).as(uri).isEqualTo(404);
        }
        assertThat(server.registrar.registrations().bindings(ALICE)).isEmpty();
    }

    @Test
    void registerAddressedToThisServersAddressIsAccepted() throws IOException {
        for (String uri : List.of("sip:127.0.0.1:" + server.address().getPort(), "sip:localhost", "sip:[::1]")) {
            SipResponse r = alice.register().requestUri(uri).contact("<" + alice.contact() + ">").sendAuthenticated();

            assertThat(r.statusCode()).as(uri).isEqualTo(200);
        }
    }

    @Test
    void outboundReRegistrationReplacesTheOldBinding() throws IOException {
        String instance = "+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000413000001>\"";
        SipResponse first = alice.register().header("Supported", "outbound, path")
                .contact("<sip:201@127.0.0.1:5070;ob>;reg-id=1;" + instance).sendAuthenticated();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().values(HeaderName.REQUIRE)).containsExactly("outbound");
        assertThat(first.headers().firstValue(HeaderName.CONTACT)).contains("reg-id=1", "urn:uuid:");

        alice.callId = "after-reboot@test";
        SipResponse second = alice.register().header("Supported", "outbound, path")
                .contact("<sip:201@127.0.0.1:5999;ob>;reg-id=1;" + instance).send();

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().values(HeaderName.CONTACT)).hasSize(1);
        assertThat(lookup()).extracting(RegisteredContact::uri).containsExactly("sip:201@127.0.0.1:5999;ob");
        assertThat(lookup().get(0).regId()).isEqualTo(1);
    }

    @Test
    void pathIsStoredAndEchoedOnlyToAUserAgentThatSupportsIt() throws IOException {
        SipResponse withSupport = alice.register().header("Supported", "path")
                .header("Path", "<sip:edge.example.com;lr>").contact("<" + alice.contact() + ">").sendAuthenticated();

        assertThat(withSupport.headers().values(HeaderName.PATH)).containsExactly("<sip:edge.example.com;lr>");
        assertThat(lookup().get(0).path()).containsExactly("<sip:edge.example.com;lr>");

        SipResponse without = alice.register().header("Path", "<sip:edge.example.com;lr>")
                .contact("<" + alice.contact() + ">").send();

        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.headers().values(HeaderName.PATH)).isEmpty();
    }

    @Test
    void anOlderCSeqOfTheSameCallIdIsRefused() throws IOException {
        alice.register().contact("<" + alice.contact() + ">").sendAuthenticated();
        String callId = alice.callId;
        try (TestPhone stale = new TestPhone(server.address(), "201", DOMAIN, "alice-secret-1")) {
            stale.callId = callId;
            // alice's binding has CSeq 2; this phone sends 1 (challenged), then 2: not higher (§10.3 step 7)
            SipResponse r = stale.register().contact("<" + alice.contact() + ">").sendAuthenticated();

            assertThat(r.statusCode()).isEqualTo(500);
        }
    }

    @Test
    void aFailedCommitGives500AndNoBinding() throws IOException {
        server.store.failCommits(true);

        SipResponse r = alice.register().contact("<" + alice.contact() + ">").sendAuthenticated();

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(lookup()).isEmpty();
        server.store.failCommits(false);
        assertThat(alice.register().contact("<" + alice.contact() + ">").send().statusCode()).isEqualTo(200);
        assertThat(lookup()).hasSize(1);
    }
}
