package org.switchboard.accounts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.switchboard.accounts.bruteforce.BruteForceGuard;
import org.switchboard.accounts.bruteforce.BruteForcePolicy;
import org.switchboard.core.auth.AuthResult;
import org.switchboard.core.auth.AuthRole;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.testkit.time.ManualClock;

class DigestAuthenticatorTest {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "secret-201-pw";
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final ManualClock clock = new ManualClock();
    private final Map<String, DigestSecrets> users = Map.of(
            "201", DigestSecrets.compute("201", DOMAIN, PASSWORD, true),
            "202", DigestSecrets.compute("202", DOMAIN, PASSWORD, false));
    private final CredentialSource source = new CredentialSource() {
        @Override
        public boolean servesRealm(String realm) {
            return realm.equals(DOMAIN);
        }

        @Override
        public Optional<DigestSecrets> secrets(String realm, String username) {
            return realm.equals(DOMAIN) ? Optional.ofNullable(users.get(username)) : Optional.empty();
        }
    };
    private final BruteForceGuard guard = new BruteForceGuard(
            new BruteForcePolicy(3, Duration.ofMinutes(5), 100, 100, Duration.ofMinutes(10), Duration.ofHours(1),
                    List.of(), 1000), clock);
    private final DigestAuthenticator authenticator = new DigestAuthenticator(source,
            NonceCodec.withRandomKey(Duration.ofMinutes(5), clock), new NonceCountTracker(1000), guard);
    private final InetAddress phone = InetAddress.getLoopbackAddress();

    private static SipRequest register(String toUser, String authorization) {
        SipRequest.Builder b = SipRequest.builder("REGISTER", "sip:" + DOMAIN)
                .add(HeaderName.VIA, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1")
                .add(HeaderName.FROM, "<sip:" + toUser + "@" + DOMAIN + ">;tag=1")
                .add(HeaderName.TO, "<sip:" + toUser + "@" + DOMAIN + ">")
                .add(HeaderName.CALL_ID, "reg-1")
                .add(HeaderName.CSEQ, "1 REGISTER");
        if (authorization != null) {
            b.add(HeaderName.AUTHORIZATION, authorization);
        }
        return b.build();
    }

    private static String nonceOf(AuthResult result) {
        Matcher m = NONCE.matcher(((AuthResult.Challenge) result).headerValues().get(0));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String credentials(DigestAlgorithm a, String user, String password, String nonce, String nc,
            String uri) {
        String ha1 = a.ha1(user, DOMAIN, password);
        String response = a.response(ha1, nonce, nc, "c0ffee", "auth", a.ha2("REGISTER", uri));
        return "Digest username=\"" + user + "\", realm=\"" + DOMAIN + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + a.token() + ", cnonce=\"c0ffee\", qop=auth, nc=" + nc;
    }

    private String freshNonce() {
        return nonceOf(authenticator.authenticate(register("201", null), phone, AuthRole.REGISTRAR));
    }

    private AuthResult answer(DigestAlgorithm a, String user, String password, String nonce, String nc) {
        return answerFrom(phone, a, user, password, nonce, nc);
    }

    private AuthResult answerFrom(InetAddress from, DigestAlgorithm a, String user, String password, String nonce,
            String nc) {
        return authenticator.authenticate(
                register(user, credentials(a, user, password, nonce, nc, "sip:" + DOMAIN)), from, AuthRole.REGISTRAR);
    }

    @Test
    void challengeOffersSha256BeforeMd5WithQopAuth() {
        AuthResult result = authenticator.authenticate(register("201", null), phone, AuthRole.REGISTRAR);

        assertThat(result).isInstanceOfSatisfying(AuthResult.Challenge.class, c -> {
            assertThat(c.role().statusCode()).isEqualTo(401);
            assertThat(c.stale()).isFalse();
            assertThat(c.headerValues()).hasSize(2);
            assertThat(c.headerValues().get(0)).startsWith("Digest realm=\"example.com\"")
                    .contains("algorithm=SHA-256", "qop=\"auth\"");
            assertThat(c.headerValues().get(1)).contains("algorithm=MD5");
        });
    }

    @Test
    void offersOnlyTheConfiguredAlgorithmsAndRefusesOthers() {
        DigestAuthenticator md5Only = new DigestAuthenticator(source,
                NonceCodec.withRandomKey(Duration.ofMinutes(5), clock), new NonceCountTracker(1000), guard,
                List.of(DigestAlgorithm.MD5));

        AuthResult challenge = md5Only.authenticate(register("201", null), phone, AuthRole.REGISTRAR);
        assertThat(((AuthResult.Challenge) challenge).headerValues()).singleElement()
                .satisfies(v -> assertThat(v).contains("algorithm=MD5"));

        String nonce = nonceOf(challenge);
        String sha256 = credentials(DigestAlgorithm.SHA_256, "201", PASSWORD, nonce, "00000001", "sip:" + DOMAIN);
        assertThat(md5Only.authenticate(register("201", sha256), phone, AuthRole.REGISTRAR))
                .isInstanceOf(AuthResult.Challenge.class);
        String md5 = credentials(DigestAlgorithm.MD5, "201", PASSWORD, nonce, "00000002", "sip:" + DOMAIN);
        assertThat(md5Only.authenticate(register("201", md5), phone, AuthRole.REGISTRAR))
                .isEqualTo(new AuthResult.Authenticated("201", DOMAIN));
    }

    @Test
    void proxyRoleChallengesWith407() {
        SipRequest invite = SipRequest.builder("INVITE", "sip:300@" + DOMAIN)
                .add(HeaderName.FROM, "<sip:201@" + DOMAIN + ">;tag=1").add(HeaderName.TO, "<sip:300@" + DOMAIN + ">")
                .add(HeaderName.CALL_ID, "c1").add(HeaderName.CSEQ, "1 INVITE").build();

        AuthResult result = authenticator.authenticate(invite, phone, AuthRole.PROXY);

        assertThat(result).isInstanceOfSatisfying(AuthResult.Challenge.class,
                c -> assertThat(c.role().challengeHeader()).isEqualTo(HeaderName.PROXY_AUTHENTICATE));
    }

    @Test
    void rightPasswordAuthenticatesWithEitherAlgorithm() {
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            AuthResult result = answer(a, "201", PASSWORD, freshNonce(), "00000001");

            assertThat(result).isEqualTo(new AuthResult.Authenticated("201", DOMAIN));
        }
    }

    @Test
    void authenticatedUserOwnsOnlyTheirAddressOfRecord() {
        var user = (AuthResult.Authenticated) answer(DigestAlgorithm.SHA_256, "201", PASSWORD, freshNonce(), "00000001");

        assertThat(user.owns(register("201", null).to().sipUri())).isTrue();
        assertThat(user.owns(register("203", null).to().sipUri())).isFalse();
    }

    @Test
    void replayedNonceCountIsRejected() {
        String nonce = freshNonce();
        assertThat(answer(DigestAlgorithm.SHA_256, "201", PASSWORD, nonce, "00000001"))
                .isInstanceOf(AuthResult.Authenticated.class);

        AuthResult replay = answer(DigestAlgorithm.SHA_256, "201", PASSWORD, nonce, "00000001");

        assertThat(replay).isInstanceOfSatisfying(AuthResult.Challenge.class, c -> assertThat(c.stale()).isTrue());
        assertThat(answer(DigestAlgorithm.SHA_256, "201", PASSWORD, nonce, "00000002"))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void expiredNonceWithRightPasswordGivesStaleChallenge() {
        String nonce = freshNonce();
        clock.advance(Duration.ofMinutes(6));

        AuthResult result = answer(DigestAlgorithm.MD5, "201", PASSWORD, nonce, "00000001");

        assertThat(result).isInstanceOfSatisfying(AuthResult.Challenge.class, c -> {
            assertThat(c.stale()).isTrue();
            assertThat(c.headerValues()).allMatch(v -> v.endsWith(", stale=true"));
        });
    }

    @Test
    void nonceWeDidNotIssueWithTheRightPasswordGivesStaleChallenge() {
        char[] tampered = freshNonce().toCharArray();
        tampered[0] = tampered[0] == 'A' ? 'B' : 'A';
        // a nonce of the process before a restart: another key
        String beforeRestart = NonceCodec.withRandomKey(Duration.ofMinutes(5), clock).issue(DOMAIN);

        for (String nonce : List.of(new String(tampered), beforeRestart, "not-a-nonce-of-ours")) {
            AuthResult result = answer(DigestAlgorithm.SHA_256, "201", PASSWORD, nonce, "00000001");

            assertThat(result).as(nonce).isInstanceOfSatisfying(AuthResult.Challenge.class, c -> {
                assertThat(c.stale()).isTrue();
                assertThat(c.headerValues()).allMatch(v -> v.endsWith(", stale=true"));
            });
        }
    }

    @Test
    void madeUpNonceWithAWrongPasswordIsNotStaleAndCountsLikeAnyWrongPassword() throws Exception {
        InetAddress guesser = InetAddress.getByName("192.0.2.9");
        InetAddress reference = InetAddress.getByName("192.0.2.10");
        AuthResult guessed = null;
        AuthResult wrong = null;
        for (int i = 0; i < 3; i++) {
            guessed = answerFrom(guesser, DigestAlgorithm.SHA_256, "201", "guess-" + i, "made-up", "00000001");
            wrong = answerFrom(reference, DigestAlgorithm.SHA_256, "201", "guess-" + i, freshNonce(), "00000001");
            if (i == 0) {
                assertThat(guessed).isInstanceOfSatisfying(AuthResult.Challenge.class,
                        c -> assertThat(c.stale()).isFalse());
            }
        }

        assertThat(guessed.getClass()).isEqualTo(wrong.getClass());
    }

    @Test
    void unknownUserDisabledUserAndWrongPasswordLookTheSame() throws Exception {
        AuthResult unknown = answerFrom(InetAddress.getByName("192.0.2.1"), DigestAlgorithm.SHA_256, "999", PASSWORD,
                freshNonce(), "00000001");
        AuthResult disabled = answerFrom(InetAddress.getByName("192.0.2.2"), DigestAlgorithm.SHA_256, "202", PASSWORD,
                freshNonce(), "00000001");
        AuthResult wrong = answerFrom(InetAddress.getByName("192.0.2.3"), DigestAlgorithm.SHA_256, "201",
                "wrong-password", freshNonce(), "00000001");

        assertThat(List.of(unknown, disabled, wrong)).allSatisfy(r ->
                assertThat(r).isInstanceOfSatisfying(AuthResult.Challenge.class, c -> assertThat(c.stale()).isFalse()));
        assertThat(withoutNonce(unknown)).isEqualTo(withoutNonce(wrong)).isEqualTo(withoutNonce(disabled));
    }

    private static List<String> withoutNonce(AuthResult r) {
        return ((AuthResult.Challenge) r).headerValues().stream().map(v -> NONCE.matcher(v).replaceAll("nonce=\"\"")).toList();
    }

    @Test
    void wrongPasswordWithExpiredNonceIsNotStale() {
        String nonce = freshNonce();
        clock.advance(Duration.ofMinutes(6));

        AuthResult result = answer(DigestAlgorithm.SHA_256, "201", "wrong-password", nonce, "00000001");

        assertThat(result).isInstanceOfSatisfying(AuthResult.Challenge.class, c -> assertThat(c.stale()).isFalse());
    }

    @Test
    void digestUriOtherThanTheRequestUriIsRejected() {
        String nonce = freshNonce();
        SipRequest request = register("201", credentials(DigestAlgorithm.SHA_256, "201", PASSWORD, nonce, "00000001",
                "sip:other.example.net"));

        AuthResult result = authenticator.authenticate(request, phone, AuthRole.REGISTRAR);

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class, r -> assertThat(r.statusCode()).isEqualTo(400));
    }

    @Test
    void domainWeDoNotServeIsForbidden() {
        SipRequest request = SipRequest.builder("REGISTER", "sip:other.org")
                .add(HeaderName.TO, "<sip:201@other.org>").add(HeaderName.FROM, "<sip:201@other.org>;tag=1")
                .add(HeaderName.CALL_ID, "x").add(HeaderName.CSEQ, "1 REGISTER").build();

        assertThat(authenticator.authenticate(request, phone, AuthRole.REGISTRAR))
                .isEqualTo(new AuthResult.Rejected(403, "Domain not served here"));
    }

    @Test
    void repeatedWrongPasswordsBlockThatUserButChallengesDoNotCount() {
        for (int i = 0; i < 10; i++) {
            assertThat(authenticator.authenticate(register("201", null), phone, AuthRole.REGISTRAR))
                    .isInstanceOf(AuthResult.Challenge.class);
        }
        answer(DigestAlgorithm.SHA_256, "201", "wrong-1", freshNonce(), "00000001");
        answer(DigestAlgorithm.SHA_256, "201", "wrong-2", freshNonce(), "00000001");

        AuthResult third = answer(DigestAlgorithm.SHA_256, "201", "wrong-3", freshNonce(), "00000001");

        assertThat(third).isInstanceOf(AuthResult.Banned.class);
        assertThat(answer(DigestAlgorithm.SHA_256, "201", PASSWORD, freshNonce(), "00000001"))
                .as("the right password is not even checked while blocked").isInstanceOf(AuthResult.Banned.class);
        assertThat(authenticator.authenticate(register("201", null), phone, AuthRole.REGISTRAR))
                .as("no credentials: a challenge, as for anyone").isInstanceOf(AuthResult.Challenge.class);
        assertThat(guard.bans()).isEmpty();
    }

    @Test
    void theRightPasswordClearsEarlierFailures() {
        answer(DigestAlgorithm.SHA_256, "201", "wrong-1", freshNonce(), "00000001");
        answer(DigestAlgorithm.SHA_256, "201", "wrong-2", freshNonce(), "00000001");
        assertThat(answer(DigestAlgorithm.SHA_256, "201", PASSWORD, freshNonce(), "00000001"))
                .isInstanceOf(AuthResult.Authenticated.class);

        answer(DigestAlgorithm.SHA_256, "201", "wrong-3", freshNonce(), "00000001");

        assertThat(answer(DigestAlgorithm.SHA_256, "201", "wrong-4", freshNonce(), "00000001"))
                .isInstanceOf(AuthResult.Challenge.class);
    }
}
