package org.switchboard.accounts.digest;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.accounts.bruteforce.BruteForceGuard;
import org.switchboard.core.auth.AuthResult;
import org.switchboard.core.auth.AuthRole;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.store.Ban;

/**
 * Digest authentication of our users' requests (RFC 3261 §22, RFC 7616, RFC 8760) with qop=auth,
 * one challenge per algorithm offered in the order given, realm = the user's domain (the To host of
 * a REGISTER, the From host of other requests).
 *
 * <p>Decisions, in order: a banned source gets {@link AuthResult.Banned}; a domain we do not serve
 * {@link AuthResult.Rejected} 403; no credentials for the realm a challenge (never counted as a
 * failure); malformed credentials, a qop other than auth, or a digest uri that is not the Request-URI
 * 400; a user the {@link BruteForceGuard} blocks from this address {@link AuthResult.Banned}, without a
 * check of the credentials; wrong credentials — unknown user, disabled user or wrong password alike,
 * with the same work done — a fresh challenge and a failure recorded with the guard, which may block
 * the user from the address or ban the address ({@link AuthResult.Banned}); right credentials clear
 * the user's failures there, and with a nonce that is no longer good — expired, issued before a
 * restart (another key), altered, or with a reused nonce-count — get a challenge with stale=true
 * (RFC 7616 §3.3: the digest is valid for that nonce, so the client knows the password and may retry
 * without asking its user); otherwise {@link AuthResult.Authenticated}. The response is checked for
 * every nonce, ours or not, so that a made-up nonce is no way to test passwords without the guard
 * counting.
 *
 * <p><b>Blocks</b> exactly when its {@link CredentialSource} does (the server's is in memory);
 * thread-safe.
 */
public final class DigestAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthenticator.class);
    private static final String QOP = "auth";

    private final CredentialSource credentials;
    private final NonceCodec nonces;
    private final NonceCountTracker nonceCounts;
    private final BruteForceGuard guard;
    private final String unusableHa1Md5;
    private final String unusableHa1Sha256;
    private final List<DigestAlgorithm> offered;

    /** Offers SHA-256, then MD5. */
    public DigestAuthenticator(CredentialSource credentials, NonceCodec nonces, NonceCountTracker nonceCounts,
            BruteForceGuard guard) {
        this(credentials, nonces, nonceCounts, guard, List.of(DigestAlgorithm.values()));
    }

    /**
     * @param offered the algorithms to challenge with, in order of preference; credentials of any
     *     other algorithm get a fresh challenge (some older phones only answer the first challenge,
     *     so an admin may offer MD5 alone)
     */
    public DigestAuthenticator(CredentialSource credentials, NonceCodec nonces, NonceCountTracker nonceCounts,
            BruteForceGuard guard, List<DigestAlgorithm> offered) {
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("At least one digest algorithm must be offered");
        }
        this.offered = List.copyOf(offered);
        this.credentials = credentials;
        this.nonces = nonces;
        this.nonceCounts = nonceCounts;
        this.guard = guard;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String unusable = HexFormat.of().formatHex(secret);
        this.unusableHa1Md5 = DigestAlgorithm.MD5.hash(unusable);
        this.unusableHa1Sha256 = DigestAlgorithm.SHA_256.hash(unusable);
    }

    @Override
    public AuthResult authenticate(SipRequest request, InetAddress source, AuthRole role) {
        Optional<Ban> ban = guard.activeBan(source);
        if (ban.isPresent()) {
            return new AuthResult.Banned(ban.get().until());
        }
        String realm = realmOf(request);
        if (realm == null || !credentials.servesRealm(realm)) {
            return new AuthResult.Rejected(403, "Domain not served here");
        }
        DigestCredentials c;
        try {
            c = credentialsFor(request, role, realm);
        } catch (IllegalArgumentException e) {
            return new AuthResult.Rejected(400, "Malformed credentials: " + e.getMessage());
        }
        if (c == null) {
            return challenge(role, realm, false);
        }
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(c.algorithm());
        if (algorithm == null || !offered.contains(algorithm)) {
            return challenge(role, realm, false);
        }
        if (!QOP.equals(c.qop()) || c.cnonce() == null || c.nc() == null) {
            return new AuthResult.Rejected(400, "Digest credentials must use qop=auth with cnonce and nc");
        }
        long nonceCount = parseNonceCount(c.nc());
        if (nonceCount < 1) {
            return new AuthResult.Rejected(400, "Bad nonce-count");
        }
        // RFC 7616 §3.4.6: the digest-uri must name the resource of the request
        if (!sameUri(c.uri(), request.requestUri())) {
            return new AuthResult.Rejected(400, "Digest uri does not match the Request-URI");
        }
        NonceCodec.Check nonce = nonces.check(c.nonce(), realm);
        String user = c.username() + '@' + realm;
        // a user blocked from this address is refused before its credentials are checked, so that
        // guessing goes on no further
        Optional<Instant> refused = guard.refusedUntil(source, user);
        if (refused.isPresent()) {
            LOG.debug("Refused {} from {} for {}: blocked until {} after repeated wrong passwords", request.method(),
                    source.getHostAddress(), user, refused.get());
            return new AuthResult.Banned(refused.get());
        }
        if (!responseMatches(c, algorithm, realm, request.method())) {
            LOG.info("Authentication of {} from {} failed for {}: wrong user name or password", request.method(),
                    source.getHostAddress(), user);
            Optional<Instant> blocked = guard.recordFailure(source, user);
            if (blocked.isPresent()) {
                return new AuthResult.Banned(blocked.get());
            }
            return challenge(role, realm, false);
        }
        guard.recordSuccess(source, user);
        if (nonce.status() != NonceCodec.Status.VALID
                || !nonceCounts.accept(nonce.serial(), nonce.issuedAtMillis(), nonceCount)) {
            return challenge(role, realm, true);
        }
        return new AuthResult.Authenticated(c.username(), realm);
    }

    @Override
    public boolean blocks() {
        return credentials.blocks();
    }

    /** The realm a request is authenticated in: the domain of the user it claims to be. */
    private static String realmOf(SipRequest request) {
        try {
            NameAddr who = request.isMethod("REGISTER") ? request.to() : request.from();
            return who == null || !who.isSip() ? null : who.sipUri().host().toLowerCase(Locale.ROOT);
        } catch (SipParseException e) {
            return null;
        }
    }

    /** The Digest credentials for {@code realm} (RFC 3261 §22.4: one value per realm), or null. */
    private static DigestCredentials credentialsFor(SipRequest request, AuthRole role, String realm) {
        for (String value : request.headers().values(role.credentialsHeader())) {
            DigestCredentials c = DigestCredentials.parse(value);
            if (c != null && c.realm().equalsIgnoreCase(realm)) {
                return c;
            }
        }
        return null;
    }

    private static long parseNonceCount(String nc) {
        if (nc.length() != 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean sameUri(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        try {
            return SipUri.parse(digestUri).equals(SipUri.parse(requestUri));
        } catch (SipParseException e) {
            return false;
        }
    }

    /**
     * Computes the expected response even for an unknown or disabled user (with an HA1 no password
     * produces), so that all wrong credentials cost the same and look the same.
     */
    private boolean responseMatches(DigestCredentials c, DigestAlgorithm algorithm, String realm, String method) {
        Optional<DigestSecrets> secrets = credentials.secrets(realm, c.username()).filter(DigestSecrets::enabled);
        String ha1 = secrets.map(s -> s.ha1(algorithm))
                .orElse(algorithm == DigestAlgorithm.MD5 ? unusableHa1Md5 : unusableHa1Sha256);
        String expected = algorithm.response(ha1, c.nonce(), c.nc(), c.cnonce(), c.qop(),
                algorithm.ha2(method, c.uri()));
        boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return equal && secrets.isPresent();
    }

    private AuthResult.Challenge challenge(AuthRole role, String realm, boolean stale) {
        String nonce = nonces.issue(realm);
        List<String> values = new ArrayList<>(2);
        for (DigestAlgorithm a : offered) {
            values.add("Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + a.token()
                    + ", qop=\"" + QOP + "\"" + (stale ? ", stale=true" : ""));
        }
        return new AuthResult.Challenge(role, values, stale);
    }
}
