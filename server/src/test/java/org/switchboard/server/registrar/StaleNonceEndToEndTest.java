package org.switchboard.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.server.registrar.RunningRegistrar.DOMAIN;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;

/**
 * RFC 7616 §3.3 over real sockets: right credentials with a nonce that is no longer good (expired,
 * or issued before a restart) get a challenge with stale=true, for REGISTER (401) and for a
 * request the proxy authenticates (407), so that a phone retries instead of reporting a wrong
 * password; wrong credentials never get stale=true.
 */
class StaleNonceEndToEndTest {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern ALGORITHM = Pattern.compile("algorithm=([A-Za-z0-9-]+)");
    /** Longer than the default nonce validity of 5 minutes. */
    private static final Duration PAST_VALIDITY = Duration.ofMinutes(6);

    @TempDir
    Path dir;
    @TempDir
    Path otherDir;

    @Test
    void registerWithAnExpiredNonceAndTheRightPasswordGetsAStaleChallenge() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults());
                TestPhone alice = server.phone("201", "alice-secret-1")) {
            alice.learn(alice.register().contact("<" + alice.contact() + ">").send());
            server.clock.advance(PAST_VALIDITY);

            SipResponse stale = alice.register().contact("<" + alice.contact() + ">").send();

            assertThat(stale.statusCode()).isEqualTo(401);
            assertThat(stale.headers().values(HeaderName.WWW_AUTHENTICATE)).allMatch(v -> v.contains("stale=true"));
            alice.learn(stale);
            assertThat(alice.register().contact("<" + alice.contact() + ">").send().statusCode()).isEqualTo(200);

            alice.learn(alice.register().contact("<" + alice.contact() + ">").withoutCredentials().send());
            server.clock.advance(PAST_VALIDITY);
            alice.password = "not-the-password";
            SipResponse wrong = alice.register().contact("<" + alice.contact() + ">").send();
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().values(HeaderName.WWW_AUTHENTICATE)).noneMatch(v -> v.contains("stale"));
        }
    }

    @Test
    void registerWithANonceFromBeforeARestartGetsAStaleChallenge() throws IOException {
        SipResponse oldChallenge;
        try (RunningRegistrar before = RunningRegistrar.inMemory(dir, AccountsConfig.defaults());
                TestPhone alice = before.phone("201", "alice-secret-1")) {
            oldChallenge = alice.register().contact("<" + alice.contact() + ">").send();
        }
        try (RunningRegistrar after = RunningRegistrar.inMemory(otherDir, AccountsConfig.defaults());
                TestPhone alice = after.phone("201", "alice-secret-1")) {
            alice.learn(oldChallenge);

            SipResponse stale = alice.register().contact("<" + alice.contact() + ">").send();

            assertThat(stale.statusCode()).isEqualTo(401);
            assertThat(stale.headers().firstValue(HeaderName.WWW_AUTHENTICATE)).contains("stale=true");
        }
    }

    @Test
    void inviteWithAnExpiredNonceAndTheRightPasswordGetsAStaleProxyChallenge() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults(), true);
                TestPhone alice = server.phone("201", "alice-secret-1")) {
            server.phone("202", "bob-secret-22").close();
            SipResponse challenge = alice.sendRequest(invite(alice, 1, null), 1);
            assertThat(challenge.statusCode()).isEqualTo(407);
            server.clock.advance(PAST_VALIDITY);

            SipResponse stale = alice.sendRequest(invite(alice, 2, credentials(challenge, "alice-secret-1")), 2);

            assertThat(stale.statusCode()).isEqualTo(407);
            assertThat(stale.headers().values(HeaderName.PROXY_AUTHENTICATE)).allMatch(v -> v.contains("stale=true"));
            SipResponse wrong = alice.sendRequest(invite(alice, 3, credentials(stale, "not-the-password")), 3);
            assertThat(wrong.statusCode()).isEqualTo(407);
            assertThat(wrong.headers().values(HeaderName.PROXY_AUTHENTICATE)).noneMatch(v -> v.contains("stale"));
        }
    }

    private static String invite(TestPhone phone, long cseq, String credentials) {
        return "INVITE sip:202@" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bKstale" + cseq + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:201@" + DOMAIN + ">;tag=stale\r\n"
                + "To: <sip:202@" + DOMAIN + ">\r\n"
                + "Call-ID: stale-" + phone.port() + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <" + phone.contact() + ">\r\n"
                + (credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** Digest credentials of 201 for the first challenge of a 407, for an INVITE to 202. */
    private static String credentials(SipResponse challenge, String password) {
        String value = challenge.headers().firstValue(HeaderName.PROXY_AUTHENTICATE);
        Matcher n = NONCE.matcher(value);
        Matcher a = ALGORITHM.matcher(value);
        assertThat(n.find() && a.find()).as(value).isTrue();
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(a.group(1));
        String uri = "sip:202@" + DOMAIN;
        String response = algorithm.response(algorithm.ha1("201", DOMAIN, password), n.group(1), "00000001", "c1",
                "auth", algorithm.ha2("INVITE", uri));
        return "Digest username=\"201\", realm=\"" + DOMAIN + "\", nonce=\"" + n.group(1) + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm.token()
                + ", cnonce=\"c1\", qop=auth, nc=00000001";
    }
}
