package org.switchboard.pnp.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.pnp.MacAddress;

/**
 * Issues and checks fetch tokens: {@code base64url(mac(6) || expiry seconds(8) || HMAC-SHA256(key,
 * domain || mac || expiry)(32))}, 62 characters without padding. Carrying the MAC lets a check tell
 * a token for another phone from a forged one; the signature is compared in constant time.
 *
 * <p>Thread-safe (a new {@link Mac} per operation).
 */
public final class ProvisioningTokens {
    /** The minimum key length: as long as the HMAC-SHA256 output (RFC 2104 §3). */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "switchboard-pnp-token-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 6;
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int SIGNATURE_BYTES = 32;
    private static final int TOKEN_BYTES = MAC_BYTES + EXPIRY_BYTES + SIGNATURE_BYTES;

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param key the secret, at least {@link #MIN_KEY_BYTES} bytes (see {@link TokenKeyFile})
     * @param clock the time source for expiry
     */
    public ProvisioningTokens(byte[] key, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("Token key too short: " + key.length + " bytes, need " + MIN_KEY_BYTES);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = Objects.requireNonNull(clock);
        // fail at construction, not on the first phone, if the platform lacks HMAC-SHA256
        newMac();
    }

    /** A token for {@code mac} that is valid for {@code lifetime} from now. */
    public String issue(MacAddress mac, Duration lifetime) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        byte[] macBytes = HexFormat.of().parseHex(mac.value());
        token.put(macBytes).putLong(expiry).put(sign(macBytes, expiry));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** Checks {@code token} (may be {@code null}) for a fetch of {@code mac}'s file. */
    public TokenCheck check(String token, MacAddress mac) {
        if (token == null || token.isEmpty()) {
            return TokenCheck.MISSING;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return TokenCheck.MALFORMED;
        }
        if (raw.length != TOKEN_BYTES) {
            return TokenCheck.MALFORMED;
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        byte[] tokenMac = new byte[MAC_BYTES];
        in.get(tokenMac);
        long expiry = in.getLong();
        byte[] signature = new byte[SIGNATURE_BYTES];
        in.get(signature);
        if (!MessageDigest.isEqual(signature, sign(tokenMac, expiry))) {
            return TokenCheck.TAMPERED;
        }
        if (!MessageDigest.isEqual(tokenMac, HexFormat.of().parseHex(mac.value()))) {
            return TokenCheck.WRONG_MAC;
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
            return TokenCheck.EXPIRED;
        }
        return TokenCheck.VALID;
    }

    private byte[] sign(byte[] macBytes, long expiry) {
        Mac hmac = newMac();
        hmac.update(DOMAIN);
        hmac.update(macBytes);
        hmac.update(ByteBuffer.allocate(EXPIRY_BYTES).putLong(expiry).array());
        return hmac.doFinal();
    }

    private Mac newMac() {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            return hmac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
