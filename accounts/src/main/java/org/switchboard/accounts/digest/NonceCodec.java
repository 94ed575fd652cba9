package org.switchboard.accounts.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks nonces that need no server-side table (RFC 7616 §3.3 leaves the nonce format to
 * the server): {@code base64url(issued-at millis (8) || serial (8) || HMAC-SHA256(key, issued-at ||
 * serial || realm) truncated to 16)}. A nonce is bound to its realm; a forged or altered one fails
 * the MAC, an old one is stale. The serial makes each nonce unique and lets {@link
 * NonceCountTracker} find its slot without keeping the nonce; it starts at a random value, so that
 * the nonces of two processes are unlikely to share serials (the MAC already tells them apart).
 *
 * <p>The key is random per process unless given, so nonces do not survive a restart (clients then
 * get a fresh challenge). Thread-safe; does not block.
 */
public final class NonceCodec {
    private static final int TIME_BYTES = 8;
    private static final int SERIAL_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + SERIAL_BYTES + MAC_BYTES;
    /** Nonces dated this far in the future are accepted, for clock steps. */
    private static final long FUTURE_SKEW_MILLIS = 5_000;

    /** What a nonce check found. */
    public enum Status {
        /** Ours and within its validity. */
        VALID,
        /** Ours but older than the validity window (RFC 7616 §3.3 stale=true). */
        STALE,
        /** Not ours: malformed, altered, another realm or another key. */
        INVALID
    }

    /**
     * A checked nonce.
     *
     * @param issuedAtMillis when it was issued (meaningless for {@link Status#INVALID})
     * @param serial the nonce's serial number (meaningless for {@link Status#INVALID})
     */
    public record Check(Status status, long issuedAtMillis, long serial) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final long validityMillis;
    private final AtomicLong serials;
    /** One initialised MAC per thread: looking one up and keying it costs more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param key the MAC key, at least 32 bytes
     * @param validity how long a nonce may be used; a nonce older than this is stale
     */
    public NonceCodec(byte[] key, Duration validity, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("Nonce key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.validityMillis = validity.toMillis();
        this.clock = clock;
        // below 2^62, so that the serial does not wrap in the life of a process
        this.serials = new AtomicLong(new SecureRandom().nextLong() >>> 2);
    }

    /** A codec with a fresh random key. */
    public static NonceCodec withRandomKey(Duration validity, Clock clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new NonceCodec(key, validity, clock);
    }

    /** A new nonce for {@code realm}, issued now. */
    public String issue(String realm) {
        ByteBuffer b = ByteBuffer.allocate(NONCE_BYTES);
        b.putLong(clock.millis());
        b.putLong(serials.getAndIncrement());
        b.put(mac(b.array(), realm));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Checks a nonce received for {@code realm}. */
    public Check check(String nonce, String realm) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return new Check(Status.INVALID, 0, 0);
        }
        if (raw.length != NONCE_BYTES) {
            return new Check(Status.INVALID, 0, 0);
        }
        byte[] expected = mac(raw, realm);
        byte[] actual = Arrays.copyOfRange(raw, TIME_BYTES + SERIAL_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Check(Status.INVALID, 0, 0);
        }
        ByteBuffer fields = ByteBuffer.wrap(raw);
        long issuedAt = fields.getLong();
        long serial = fields.getLong();
        long now = clock.millis();
        if (issuedAt > now + FUTURE_SKEW_MILLIS) {
            return new Check(Status.INVALID, issuedAt, serial);
        }
        return new Check(now - issuedAt > validityMillis ? Status.STALE : Status.VALID, issuedAt, serial);
    }

    private byte[] mac(byte[] nonce, String realm) {
        Mac mac = macs.get();
        mac.update(nonce, 0, TIME_BYTES + SERIAL_BYTES);
        mac.update(realm.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
